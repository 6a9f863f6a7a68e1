using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Api;

/// <summary>200 body of <c>GET /api/runs/{id}/assets</c>: one page of per-asset outcomes.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Assets">This page's outcomes, in asset order.</param>
/// <param name="Continuation">Token of the next page; null on the last page.</param>
/// <param name="Next">The next page's URL (same filter and page size); null on the last page.</param>
public sealed record RunAssetsView(string RunId, IReadOnlyList<AssetOutcome> Assets, string? Continuation, string? Next);
