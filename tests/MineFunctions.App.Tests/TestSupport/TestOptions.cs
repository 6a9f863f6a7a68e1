using Microsoft.Extensions.Logging.Abstractions;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Triggers;
using Opts = Microsoft.Extensions.Options.Options;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>Options and services as the triggers get them from DI.</summary>
public static class TestOptions
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    public static MineFunctionsOptions App(TimeSpan? staleRunAge = null) => new()
    {
        StaleRunAge = staleRunAge ?? TimeSpan.FromDays(2),
        TerminateWait = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Non-default values, so a test can tell the snapshot came from configuration.</summary>
    public static PipelineOptions Pipeline() => new() { WindowX = 9, PairMeanMin = 0.75, TemporalBaselinesDays = "12,24,36", AlgorithmVersion = "v7" };

    /// <summary>Run clients as the triggers get them; the tables are never reached by the start and status tests (the durable client is the fake).</summary>
    public static RunClients Starter(TimeProvider? time = null) =>
        new(new ResultTableStore(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true")), time ?? new FixedTimeProvider(Now), NullLogger<RunClient>.Instance);

    /// <summary>The blob triggers' handler as DI builds it, with <see cref="App"/> and <see cref="Pipeline"/>.</summary>
    public static InputBlobHandler BlobHandler() =>
        new(Http.AppApi.Settings(Wrap(App()), Wrap(Pipeline())), NullLogger<InputBlobHandler>.Instance);

    /// <summary>The run routes as DI builds them, over <paramref name="runs"/> (default <see cref="Starter"/>).</summary>
    public static Triggers.RunTriggers RunRoutes(RunClients? runs = null) => new(runs ?? Starter(), Wrap(App()), Wrap(Pipeline()));

    public static Microsoft.Extensions.Options.IOptions<T> Wrap<T>(T value) where T : class => Opts.Create(value);
}
