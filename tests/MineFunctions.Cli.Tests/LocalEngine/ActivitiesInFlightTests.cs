using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow;

namespace MineFunctions.Cli.Tests.LocalEngine;

/// <summary>
/// Stopping the local engine waits for the activities it is running: `mine serve` once exited non-zero
/// right after a clean "Stopped.", with a reprocess's activity still running under it.
/// </summary>
public sealed class ActivitiesInFlightTests
{
    /// <summary>Takes <c>input</c> ms and ignores cancellation, as a raster job inside GDAL does.</summary>
    public sealed class SlowActivity : TaskActivity<int, int>
    {
        public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public static volatile bool Finished;

        public override async Task<int> RunAsync(TaskActivityContext context, int input)
        {
            Started.TrySetResult();
            await Task.Delay(input, CancellationToken.None);
            Finished = true;
            return input;
        }
    }

    public sealed class CallSlow : TaskOrchestrator<int, int>
    {
        public override Task<int> RunAsync(TaskOrchestrationContext context, int input) => context.CallActivityAsync<int>(nameof(SlowActivity), input);
    }

    [Fact]
    public async Task DisposingTheEngine_ReturnsOnlyAfterTheActivityInFlightHasFinished()
    {
        var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory },
            r => r.AddOrchestrator<CallSlow>().AddCountedActivity(typeof(SlowActivity)));
        try
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CallSlow), 1500);
            await SlowActivity.Started.Task.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(1, engine.Services.GetRequiredService<ActivitiesInFlight>().Running);
        }
        finally
        {
            await engine.DisposeAsync();
        }
        Assert.True(SlowActivity.Finished, "the engine stopped while its activity was still running");
    }

    [Fact]
    public async Task WaitIdle_IsTrueAtOnceWithNothingRunning()
    {
        Assert.True(await new ActivitiesInFlight().WaitIdleAsync(TimeSpan.Zero));
    }
}
