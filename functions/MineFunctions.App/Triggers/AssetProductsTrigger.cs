using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/products</c>: <see cref="ResultsApi.AssetProductsAsync"/>.</summary>
public sealed class AssetProductsTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetProductsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetProducts)] HttpRequest request,
        string asset,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(results, settings.Key).AssetProductsAsync(AppApi.Request(request), asset, cancellationToken));
}
