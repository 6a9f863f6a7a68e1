using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/exports/files/{name}</c>: one run-level export file (a sector's Climate TRACE sources
/// or confidence CSV, or estimate.json). Names from the fixed list of <see cref="ProductNames.IsExport"/>; anything else is a 400.
/// </summary>
public sealed class ExportFileTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(ExportFileTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "exports/files/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
    {
        if (!ProductNames.IsExport(name)) return Problems.BadRequest($"unknown export file; one of {string.Join(", ", ProductNames.ExportNames)}", request);
        var product = await results.OpenExportAsync(settings.Key, name, cancellationToken);
        return product is null
            ? Problems.NotFound($"No export '{name}' yet.", request)
            : new FileStreamResult(product.Content, product.ContentType) { FileDownloadName = name };
    }
}
