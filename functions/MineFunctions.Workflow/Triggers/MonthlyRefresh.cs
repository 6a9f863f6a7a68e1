using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Contracts;
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

    /// <summary>Starts (or keeps) the refresh of the month of <paramref name="now"/>; the outcome says which.</summary>
    public static Task<RunStart> StartAsync(RunClient runs, ApiSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var request = new RefreshRequest(InstanceIds.MonthlyRefresh(now), [], settings.Snapshot, "timer");
        return runs.StartAsync(request, RunStartPolicy.MonthlyRefresh(settings.StaleRunAge, settings.TerminateWait), cancellationToken);
    }
}
