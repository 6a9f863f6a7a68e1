using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/exports/files/{name}</c>: <see cref="ResultsApi.ExportFileAsync"/>.</summary>
public sealed class ExportFileTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(ExportFileTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ExportFile)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(results, settings.Key).ExportFileAsync(AppApi.Request(request), name, cancellationToken));
}
