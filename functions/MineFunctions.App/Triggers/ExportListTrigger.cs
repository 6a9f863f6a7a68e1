using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/exports</c>: <see cref="ResultsApi.ExportsAsync"/>.</summary>
public sealed class ExportListTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(ExportListTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Exports)] HttpRequest request,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new ResultsApi(results, settings.Key).ExportsAsync(cancellationToken));
}
