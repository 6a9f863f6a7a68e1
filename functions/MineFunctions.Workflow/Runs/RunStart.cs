namespace MineFunctions.Workflow.Runs;

/// <summary>Outcome of a start request: the instance id and what happened to it.</summary>
public sealed record RunStart(string InstanceId, RunStartStatus Status, string Reason)
{
    /// <summary>True when this request scheduled a new orchestration.</summary>
    public bool StartedNew => Status is RunStartStatus.Started or RunStartStatus.Restarted or RunStartStatus.RestartedStale;
}
