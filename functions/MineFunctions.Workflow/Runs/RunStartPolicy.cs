namespace MineFunctions.Workflow.Runs;

/// <summary>
/// How a start treats an instance that already has the id it wants (ARCHITECTURE.md convention 4:
/// deterministic ids, so a duplicate event starts nothing). Every trigger and `mine run` pick one
/// of the presets below; <see cref="RunClient.StartAsync"/> applies it.
/// </summary>
/// <param name="RestartCompleted">Start again over a Completed instance (HTTP: the caller asked for a fresh run).</param>
/// <param name="RestartFailed">Start again over a Failed or Terminated instance.</param>
/// <param name="StaleAfter">A Running/Pending instance created longer ago than this is terminated and restarted; null: never (it is resumed, i.e. left to the engine).</param>
/// <param name="TerminateWait">How long to wait for a stale instance to stop before giving up for this time.</param>
public sealed record RunStartPolicy(bool RestartCompleted, bool RestartFailed, TimeSpan? StaleAfter, TimeSpan TerminateWait = default)
{
    /// <summary>An explicit request (HTTP): a finished run is replaced, a running one is left alone (the caller gets a conflict).</summary>
    public static RunStartPolicy ExplicitRequest(TimeSpan staleAfter, TimeSpan terminateWait) => new(true, true, staleAfter, terminateWait);

    /// <summary>The monthly refresh: a completed month stays done; a failed or terminated one is tried again by the next tick.</summary>
    public static RunStartPolicy MonthlyRefresh(TimeSpan staleAfter, TimeSpan terminateWait) => new(false, true, staleAfter, terminateWait);

    /// <summary>A blob version's reprocess: the same event never starts twice, whatever became of the first.</summary>
    public static RunStartPolicy BlobEvent(TimeSpan staleAfter, TimeSpan terminateWait) => new(false, false, staleAfter, terminateWait);

    /// <summary>
    /// `mine run` and the demo: the same inputs reuse a completed run, a run left running by a process
    /// that died is resumed from its history by the engine, a failed or terminated one starts again.
    /// </summary>
    public static RunStartPolicy LocalRun { get; } = new(false, true, null);
}
