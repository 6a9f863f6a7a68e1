namespace MineFunctions.Workflow.Runs;

/// <summary>What a start request did.</summary>
public enum RunStartStatus
{
    /// <summary>No instance had this id: a new one was scheduled.</summary>
    Started,

    /// <summary>A finished (failed, terminated or, where allowed, completed) instance was purged and started again.</summary>
    Restarted,

    /// <summary>A Running instance older than the stale age was terminated, purged and started again.</summary>
    RestartedStale,

    /// <summary>The instance is pending or running: nothing was started.</summary>
    AlreadyRunning,

    /// <summary>The instance already finished and the policy keeps it: nothing was started.</summary>
    AlreadyDone,

    /// <summary>A stale instance was asked to terminate but had not stopped in time: nothing was started this time.</summary>
    TerminationPending,
}
