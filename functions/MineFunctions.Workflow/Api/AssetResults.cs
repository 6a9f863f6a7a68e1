namespace MineFunctions.Workflow.Api;

/// <summary>Body of <c>GET /api/assets/{asset}/results</c>: every year with results, oldest first.</summary>
public sealed record AssetResults(string AssetId, IReadOnlyList<AssetYearResult> Years);
