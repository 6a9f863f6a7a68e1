using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/composite.png</c>: <see cref="ResultsApi.CompositePngAsync"/> (METHOD.md §1.5).</summary>
public sealed class CompositePngTrigger(IRunResults products, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(CompositePngTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.CompositePng)] HttpRequest request,
        string asset,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(products, settings.Key).CompositePngAsync(AppApi.Request(request), asset, cancellationToken));
}
