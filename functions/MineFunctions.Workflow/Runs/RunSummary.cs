using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Runs;

/// <summary>One run in a list of runs: its status when the engine still has its history, else "Unknown" with only the id.</summary>
/// <param name="Id">The run's instance id.</param>
/// <param name="RuntimeStatus">Durable runtime status, or "Unknown" when the instance was purged but its Runs rows remain.</param>
/// <param name="CreatedAt">When the run was created; null when unknown.</param>
/// <param name="LastUpdatedAt">Last change of its state; null when unknown.</param>
/// <param name="Trigger">What started it (timer, blob, http, cli).</param>
/// <param name="Progress">Stage and counts while it runs (and after).</param>
/// <param name="Result">The counts of a completed run.</param>
/// <param name="FailureReason">Why a failed or terminated run stopped.</param>
public sealed record RunSummary(
    string Id,
    string RuntimeStatus,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    string? Trigger,
    RunProgress? Progress,
    RefreshResult? Result,
    string? FailureReason)
{
    /// <summary>The runtime status of a run whose history the engine no longer has.</summary>
    public const string Unknown = "Unknown";

    /// <summary>The summary of a run's status.</summary>
    public static RunSummary Of(RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new RunSummary(status.Id, status.RuntimeStatus.ToString(), status.CreatedAt, status.LastUpdatedAt,
            status.Trigger, status.Progress, status.Result, status.FailureReason);
    }
}

/// <summary>One page of runs and the token of the next page (null at the end).</summary>
public sealed record RunListPage(IReadOnlyList<RunSummary> Runs, string? Continuation);
