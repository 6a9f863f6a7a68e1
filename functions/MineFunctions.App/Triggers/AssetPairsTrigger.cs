using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/pairs</c>: every screened pair of the asset, accepted or with the reason it was rejected, excluded or failed (METHOD.md §1.3).</summary>
public sealed class AssetPairsTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetPairsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/pairs")] HttpRequest request,
        string asset,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var pairs = await results.GetPairsAsync(asset, settings.Key, cancellationToken);
        return pairs.Count == 0
            ? Problems.NotFound($"No pairs for asset '{asset}'.", request)
            : new OkObjectResult(new AssetPairsView(asset, pairs));
    }
}
