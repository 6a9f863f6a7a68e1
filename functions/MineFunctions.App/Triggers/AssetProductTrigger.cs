using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/products/{name}</c>: <see cref="ResultsApi.AssetProductAsync"/>.</summary>
public sealed class AssetProductTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetProductTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetProduct)] HttpRequest request,
        string asset,
        string name,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(results, settings.Key).AssetProductAsync(AppApi.Request(request), asset, name, cancellationToken));
}
