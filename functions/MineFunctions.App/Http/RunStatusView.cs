using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Http;

/// <summary>200 body of <c>GET /api/runs/{id}</c>.</summary>
/// <param name="Id">The run's instance id.</param>
/// <param name="RuntimeStatus">Durable runtime status (Pending, Running, Completed, Failed, Terminated, Suspended).</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="LastUpdatedAt">Last change of its state.</param>
/// <param name="Trigger">What started it (timer, blob, http, cli), from its input.</param>
/// <param name="Progress">The orchestrator's custom status, while it runs (and its last value after).</param>
/// <param name="Assets">Per-asset outcomes: the final result when completed, else the progress so far.</param>
/// <param name="Errors">The run's failure message, then each failed asset's error.</param>
public sealed record RunStatusView(
    string Id,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Trigger,
    RunProgress? Progress,
    IReadOnlyList<AssetOutcome> Assets,
    IReadOnlyList<string> Errors);
