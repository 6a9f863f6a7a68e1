using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>200 body of <c>GET /api/runs/{id}</c>: bounded whatever the number of assets; the outcomes are paged at <see cref="AssetsUri"/>.</summary>
/// <param name="Id">The run's instance id.</param>
/// <param name="RuntimeStatus">Durable runtime status (Pending, Running, Completed, Failed, Terminated, Suspended).</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="LastUpdatedAt">Last change of its state.</param>
/// <param name="Trigger">What started it (timer, blob, http, cli), from its input.</param>
/// <param name="Progress">The orchestrator's custom status: stage, assets done/failed/total, pairs done/total.</param>
/// <param name="Result">The counts of a completed run.</param>
/// <param name="FailureReason">Why a failed or terminated run stopped; null otherwise.</param>
/// <param name="AssetsUri">Where the per-asset outcomes are: <c>GET /api/runs/{id}/assets</c>.</param>
public sealed record RunStatusView(
    string Id,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Trigger,
    RunProgress? Progress,
    RefreshResult? Result,
    string? FailureReason,
    string AssetsUri)
{
    /// <summary>The first failed assets with their reasons (<see cref="RunStatus.FailedAssets"/>); all of them are at <see cref="AssetsUri"/>.</summary>
    public IReadOnlyList<AssetOutcome> FailedAssets { get; init; } = [];

    /// <summary>The view of a run's status; <paramref name="baseUri"/> is the app's root (scheme://host).</summary>
    public static RunStatusView Of(RunStatus status, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new RunStatusView(status.Id, status.RuntimeStatus.ToString(), status.CreatedAt, status.LastUpdatedAt,
            status.Trigger, status.Progress, status.Result, status.FailureReason, $"{baseUri}/api/runs/{status.Id}/assets")
        {
            FailedAssets = status.FailedAssets,
        };
    }
}
