using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/composite.png</c>: the asset's RGB activity composite (METHOD.md §1.5).</summary>
public sealed class CompositePngTrigger(IRunResults products, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(CompositePngTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/composite.png")] HttpRequest request,
        string asset,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var product = await products.OpenCompositePngAsync(asset, settings.Key, cancellationToken);
        return product is null
            ? Problems.NotFound($"No composite for asset '{asset}' yet.", request)
            : new FileStreamResult(product.Content, product.ContentType);
    }
}
