using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/pairs</c>: <see cref="ResultsApi.AssetPairsAsync"/>.</summary>
public sealed class AssetPairsTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetPairsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetPairs)] HttpRequest request,
        string asset,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(results, settings.Key).AssetPairsAsync(AppApi.Request(request), asset, cancellationToken));
}
