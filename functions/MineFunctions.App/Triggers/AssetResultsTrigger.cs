using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.App.Results;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/results</c>: per-year area, production, emissions, confidence and uncertainty.</summary>
public sealed class AssetResultsTrigger(IAssetResultsReader results)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetResultsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/results")] HttpRequest request,
        string asset,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var found = await results.GetAsync(asset, cancellationToken);
        return found is null ? Problems.NotFound($"No results for asset '{asset}'.", request) : new OkObjectResult(found);
    }
}
