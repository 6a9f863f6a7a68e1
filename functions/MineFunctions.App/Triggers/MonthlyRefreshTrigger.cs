using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The monthly refresh of every asset (CRON from <c>MineFunctions:RefreshSchedule</c>, default the
/// 1st of the month at 03:00 UTC). It only starts the month's <see cref="MonthlyOrchestrator"/>
/// (instance monthly-YYYY-MM): acquisition of new pairs when <c>MineFunctions:Acquisition:Enabled</c>,
/// then the refresh, which runs under its usual run id refresh-YYYY-MM. One chain per calendar month:
/// a second tick in the same month (host restart, past-due catch-up) starts nothing; a chain stuck
/// Running past the stale age (plus the acquisition timeout when acquisition is on, since HyP3 jobs
/// may rightly take that long) is reported and replaced, so it can't block every later month.
/// </summary>
public sealed class MonthlyRefreshTrigger(
    RunClients runs, TimeProvider time, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline, IOptions<AcquisitionOptions> acquisition)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(MonthlyRefreshTrigger))]
    public Task RunAsync(
        [TimerTrigger("%MineFunctions:RefreshSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StartMonthlyRefreshAsync(client, cancellationToken);

    /// <summary>Starts (or keeps) this month's chain; the outcome says which.</summary>
    public Task<RunStart> StartMonthlyRefreshAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var settings = AppApi.Settings(options, pipeline);
        var acquire = acquisition.Value.Enabled
            ? acquisition.Value.ToSettings(settings.Snapshot.TemporalBaselinesDays, settings.Snapshot.MaxPerpendicularBaselineM)
            : null;
        return MonthlyRefresh.StartAsync(runs.For(client), settings, time.GetUtcNow(), cancellationToken, acquire);
    }
}
