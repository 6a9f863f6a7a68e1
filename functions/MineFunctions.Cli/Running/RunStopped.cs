namespace MineFunctions.Cli.Running;

/// <summary>
/// The command was stopped (Ctrl+C, SIGTERM) while it watched a run: the run is not cancelled in the engine, its
/// history is kept in storage, and the same command resumes it (<see cref="Workflow.Runs.RunStartPolicy.LocalRun"/>).
/// </summary>
internal sealed class RunStoppedException(string runId, Exception inner)
    : OperationCanceledException($"run {runId} is kept in its history, and the same command resumes it.", inner)
{
    public string RunId { get; } = runId;
}
