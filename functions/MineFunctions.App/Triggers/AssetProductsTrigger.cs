using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/assets/{asset}/products</c>: the asset's map windows, the grid of its maps (size,
/// geotransform, CRS) and every product to download by name from <c>…/products/{name}</c>.
/// </summary>
public sealed class AssetProductsTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetProductsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/products")] HttpRequest request,
        string asset,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var products = await results.GetProductsAsync(asset, settings.Key, cancellationToken);
        return products.Files.Count == 0
            ? Problems.NotFound($"No products for asset '{asset}'.", request)
            : new OkObjectResult(products);
    }
}
