using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>200 body of <c>GET /api/assets/{asset}/pairs</c>: the asset's screened pairs in date order.</summary>
public sealed record AssetPairsView(string AssetId, IReadOnlyList<AssetPair> Pairs);
