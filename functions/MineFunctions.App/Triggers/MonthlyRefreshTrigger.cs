using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MineFunctions.App.Http;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The monthly refresh of every asset (CRON from <c>MineFunctions:RefreshSchedule</c>, default the
/// 1st of the month at 03:00 UTC): <see cref="MonthlyRefresh.StartAsync"/>, as `mine serve`'s schedule does.
/// </summary>
public sealed class MonthlyRefreshTrigger(
    RunClients runs, TimeProvider time, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(MonthlyRefreshTrigger))]
    public Task RunAsync(
        [TimerTrigger("%MineFunctions:RefreshSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StartMonthlyRefreshAsync(client, cancellationToken);

    /// <summary>Starts (or keeps) this month's refresh; the outcome says which.</summary>
    public Task<RunStart> StartMonthlyRefreshAsync(DurableTaskClient client, CancellationToken cancellationToken) =>
        MonthlyRefresh.StartAsync(runs.For(client), AppApi.Settings(options, pipeline), time.GetUtcNow(), cancellationToken);
}
