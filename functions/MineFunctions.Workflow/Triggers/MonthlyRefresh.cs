using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Triggers;

/// <summary>
/// The monthly refresh of every asset, for the Functions timer and the schedule of `mine serve`:
/// one instance per calendar month (UTC). A second tick in the same month (host restart, past-due
/// catch-up) starts nothing; a completed month stays done, a failed or terminated one is tried again
/// by the next tick; a run stuck Running past the stale age is reported and replaced.
/// </summary>
public static class MonthlyRefresh
{
    /// <summary>Six-field NCRONTAB (UTC) both hosts default to: the 1st of the month at 03:00.</summary>
    public const string DefaultSchedule = "0 0 3 1 * *";

    /// <summary>
    /// Starts (or keeps) the month's <see cref="MonthlyOrchestrator"/> (instance monthly-YYYY-MM): acquisition of new
    /// pairs when <paramref name="acquire"/> is given, then the refresh under its usual run id refresh-YYYY-MM. With
    /// acquisition on, a chain counts as stale only after the stale age plus the acquisition timeout, since HyP3 jobs
    /// may rightly take that long.
    /// </summary>
    public static Task<RunStart> StartAsync(RunClient runs, ApiSettings settings, DateTimeOffset now, CancellationToken cancellationToken, AcquisitionSettings? acquire = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var refresh = new RefreshRequest(InstanceIds.MonthlyRefresh(now), [], settings.Snapshot, "timer");
        var staleAge = settings.StaleRunAge + (acquire?.Timeout ?? TimeSpan.Zero);
        return runs.StartMonthlyAsync(InstanceIds.Monthly(now), new MonthlyRequest(refresh, acquire),
            RunStartPolicy.MonthlyRefresh(staleAge, settings.TerminateWait), cancellationToken);
    }
}
