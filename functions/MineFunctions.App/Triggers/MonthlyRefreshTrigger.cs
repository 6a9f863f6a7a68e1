using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The monthly refresh of every asset (CRON from <c>MineFunctions:RefreshSchedule</c>, default the
/// 1st of the month at 03:00 UTC). One instance per calendar month: a second tick in the same month
/// (host restart, past-due catch-up) starts nothing; a run stuck Running past the stale age is
/// reported and replaced, so it can't block every later month.
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
    public Task<RunStart> StartMonthlyRefreshAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var runId = InstanceIds.MonthlyRefresh(time.GetUtcNow());
        var request = new RefreshRequest(runId, [], pipeline.Value.ToSettings(), "timer");
        // A completed month stays done; a failed or terminated one is tried again by the next tick.
        return runs.For(client).StartAsync(request, RunStartPolicy.MonthlyRefresh(settings.StaleRunAge, settings.TerminateWait), cancellationToken);
    }
}
