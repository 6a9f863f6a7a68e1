using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/assets/{asset}/products/{name}</c>: one product of the asset, streamed: a class-map or
/// composite PNG (shown inline), a Cloud-Optimised GeoTIFF or a CSV (downloaded). Names come from the
/// fixed catalogue of <see cref="ProductNames"/>; anything else is a 400 before storage is touched.
/// </summary>
public sealed class AssetProductTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetProductTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/products/{name}")] HttpRequest request,
        string asset,
        string name,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        if (!ProductNames.TryResolve(name, out _, out _, out reason)) return Problems.BadRequest(reason, request);
        var product = await results.OpenProductAsync(asset, settings.Key, name, cancellationToken);
        if (product is null) return Problems.NotFound($"No product '{name}' for asset '{asset}'.", request);
        var file = new FileStreamResult(product.Content, product.ContentType);
        if (product.ContentType != "image/png") file.FileDownloadName = $"{asset}_{name}";
        return file;
    }
}
