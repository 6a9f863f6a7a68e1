using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/exports/{sector}.csv</c>: <see cref="ResultsApi.SectorExportAsync"/>.</summary>
public sealed class SectorExportTrigger(IRunResults products, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(SectorExportTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SectorExport)] HttpRequest request,
        string sector,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(products, settings.Key).SectorExportAsync(AppApi.Request(request), sector, cancellationToken));
}
