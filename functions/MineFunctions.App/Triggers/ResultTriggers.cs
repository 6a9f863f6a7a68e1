using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The read-only result routes, each a one-line call into <see cref="ResultsApi"/> for the settings in
/// force. The function names are those the app has always published (keys, logs and
/// <c>AzureWebJobs.&lt;name&gt;.Disabled</c> refer to them), so they do not follow the method names.
/// </summary>
public sealed class ResultTriggers(IRunResults results, CurrentSettings settings)
{
    private ResultsApi Api => new(results, settings.Key);

    /// <summary><c>GET /api/assets/{asset}/results</c>: yearly area, production and emissions.</summary>
    [Function("AssetResultsTrigger")]
    public async Task<IActionResult> AssetResultsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetResults)] HttpRequest request, string asset, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.AssetResultsAsync(AppApi.Request(request), asset, cancellationToken));

    /// <summary><c>GET /api/assets/{asset}/pairs</c>: the screened pairs.</summary>
    [Function("AssetPairsTrigger")]
    public async Task<IActionResult> AssetPairsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetPairs)] HttpRequest request, string asset, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.AssetPairsAsync(AppApi.Request(request), asset, cancellationToken));

    /// <summary><c>GET /api/assets/{asset}/products</c>: the asset's downloadable products.</summary>
    [Function("AssetProductsTrigger")]
    public async Task<IActionResult> AssetProductsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetProducts)] HttpRequest request, string asset, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.AssetProductsAsync(AppApi.Request(request), asset, cancellationToken));

    /// <summary><c>GET /api/assets/{asset}/products/{name}</c>: one product.</summary>
    [Function("AssetProductTrigger")]
    public async Task<IActionResult> AssetProductAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AssetProduct)] HttpRequest request, string asset, string name, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.AssetProductAsync(AppApi.Request(request), asset, name, cancellationToken));

    /// <summary><c>GET /api/assets/{asset}/composite.png</c>: the latest composite (METHOD.md §1.5).</summary>
    [Function("CompositePngTrigger")]
    public async Task<IActionResult> CompositePngAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.CompositePng)] HttpRequest request, string asset, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.CompositePngAsync(AppApi.Request(request), asset, cancellationToken));

    /// <summary><c>GET /api/exports</c>: the run-level export files.</summary>
    [Function("ExportListTrigger")]
    public async Task<IActionResult> ExportsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Exports)] HttpRequest request, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.ExportsAsync(cancellationToken));

    /// <summary><c>GET /api/exports/files/{name}</c>: one export file.</summary>
    [Function("ExportFileTrigger")]
    public async Task<IActionResult> ExportFileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ExportFile)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.ExportFileAsync(AppApi.Request(request), name, cancellationToken));

    /// <summary><c>GET /api/exports/{sector}.csv</c>: a sector's Climate TRACE CSV.</summary>
    [Function("SectorExportTrigger")]
    public async Task<IActionResult> SectorExportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SectorExport)] HttpRequest request, string sector, CancellationToken cancellationToken) =>
        AppApi.Result(await Api.SectorExportAsync(AppApi.Request(request), sector, cancellationToken));
}
