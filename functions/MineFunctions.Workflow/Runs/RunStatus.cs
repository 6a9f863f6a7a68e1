using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Runs;

/// <summary>What a run is doing or did: the same for the HTTP status endpoint, `mine status` and `mine run`.</summary>
/// <param name="Id">The run's instance id.</param>
/// <param name="RuntimeStatus">Durable runtime status.</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="LastUpdatedAt">Last change of its state.</param>
/// <param name="Trigger">What started it (timer, blob, http, cli), from its input.</param>
/// <param name="Progress">Its custom status: stage and counts.</param>
/// <param name="Result">Its output when it completed: counts.</param>
/// <param name="FailureReason">Why it failed or was terminated; null otherwise (<see cref="FailureReasons"/>).</param>
public sealed record RunStatus(
    string Id,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Trigger,
    RunProgress? Progress,
    RefreshResult? Result,
    string? FailureReason)
{
    /// <summary>
    /// The first failed assets (at most <see cref="RunClient.FailedAssetsShown"/>, in asset order) with
    /// their reasons, so a status names what failed without paging; every one is at the assets route.
    /// </summary>
    public IReadOnlyList<AssetOutcome> FailedAssets { get; init; } = [];

    /// <summary>Completed, failed or terminated: nothing more will happen to it.</summary>
    public bool IsFinished => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}

/// <summary>One page of a run's per-asset outcomes and the token of the next page (null at the end).</summary>
public sealed record AssetOutcomePage(IReadOnlyList<AssetOutcome> Assets, string? Continuation);
