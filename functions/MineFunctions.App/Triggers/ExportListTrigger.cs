using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/exports</c>: the run-level export files of the settings in force (Climate TRACE CSVs per sector, estimate.json), to download from <c>/api/exports/files/{name}</c>.</summary>
public sealed class ExportListTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(ExportListTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "exports")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new ExportListView(await results.ListExportsAsync(settings.Key, cancellationToken)));
}
