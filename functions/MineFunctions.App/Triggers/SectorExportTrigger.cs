using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/exports/{sector}.csv</c>: the Climate TRACE asset CSV of a sector, streamed from the products container.</summary>
public sealed class SectorExportTrigger(IRunResults products, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(SectorExportTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "exports/{sector}.csv")] HttpRequest request,
        string sector,
        CancellationToken cancellationToken)
    {
        if (!SectorNames.TryParse(sector, out var commodity, out var reason)) return Problems.BadRequest(reason, request);
        var product = await products.OpenSectorExportAsync(commodity, settings.Key, cancellationToken);
        return product is null
            ? Problems.NotFound($"No export for sector '{sector}' yet.", request)
            : new FileStreamResult(product.Content, product.ContentType) { FileDownloadName = $"{sector}.csv" };
    }
}
