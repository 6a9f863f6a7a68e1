using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// The read routes of products and results, for both hosts: they show what runs with the settings in
/// force (<paramref name="settingsKey"/>) wrote.
/// </summary>
public sealed class ResultsApi(IRunResults results, string settingsKey)
{
    /// <summary><c>GET /api/assets/{asset}/results</c>: per-year area, production, emissions, confidence and uncertainty.</summary>
    public async Task<ApiResponse> AssetResultsAsync(ApiRequest request, string asset, CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var years = (await results.GetAssetYearsAsync(asset, settingsKey, cancellationToken))
            .Where(y => y.Emissions is not null)
            .Select(y => y.Emissions!)
            .Select(e => new AssetYearResult(e.Year, e.MinedAreaM2, e.ActivityTonnes, e.Co2Tonnes, e.Confidence, e.Uncertainty,
                e.MinedAreaUncertaintyM2, e.ActivityUncertaintyTonnes))
            .ToList();
        return years.Count == 0
            ? Problems.NotFound($"No results for asset '{asset}'.", request)
            : ApiResponse.Json(200, new AssetResults(asset, years));
    }

    /// <summary><c>GET /api/assets/{asset}/composite.png</c>: the asset's RGB activity composite (METHOD.md §1.5).</summary>
    public async Task<ApiResponse> CompositePngAsync(ApiRequest request, string asset, CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var product = await results.OpenCompositePngAsync(asset, settingsKey, cancellationToken);
        return product is null
            ? Problems.NotFound($"No composite for asset '{asset}' yet.", request)
            : ApiResponse.Stream(product.Content, product.ContentType);
    }

    /// <summary><c>GET /api/exports/{sector}.csv</c>: the Climate TRACE asset CSV of a sector, streamed from the products container.</summary>
    public async Task<ApiResponse> SectorExportAsync(ApiRequest request, string sector, CancellationToken cancellationToken)
    {
        if (!SectorNames.TryParse(sector, out var commodity, out var reason)) return Problems.BadRequest(reason, request);
        var product = await results.OpenSectorExportAsync(commodity, settingsKey, cancellationToken);
        return product is null
            ? Problems.NotFound($"No export for sector '{sector}' yet.", request)
            : ApiResponse.Stream(product.Content, product.ContentType, $"{sector}.csv");
    }

    /// <summary><c>GET /api/assets/{asset}/products</c>: the asset's map windows, the grid of its maps (size, geotransform, CRS) and every product to download.</summary>
    public async Task<ApiResponse> AssetProductsAsync(ApiRequest request, string asset, CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var products = await results.GetProductsAsync(asset, settingsKey, cancellationToken);
        return products.Files.Count == 0
            ? Problems.NotFound($"No products for asset '{asset}'.", request)
            : ApiResponse.Json(200, products);
    }

    /// <summary>
    /// <c>GET /api/assets/{asset}/products/{name}</c>: one product, streamed: a PNG shown inline, a
    /// Cloud-Optimised GeoTIFF or CSV as a download. Names come from the fixed catalogue of
    /// <see cref="ProductNames"/>; anything else is a 400 before storage is touched.
    /// </summary>
    public async Task<ApiResponse> AssetProductAsync(ApiRequest request, string asset, string name, CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        if (!ProductNames.TryResolve(name, out _, out _, out reason)) return Problems.BadRequest(reason, request);
        var product = await results.OpenProductAsync(asset, settingsKey, name, cancellationToken);
        if (product is null) return Problems.NotFound($"No product '{name}' for asset '{asset}'.", request);
        return ApiResponse.Stream(product.Content, product.ContentType, product.ContentType == "image/png" ? null : $"{asset}_{name}");
    }

    /// <summary><c>GET /api/assets/{asset}/pairs</c>: every screened pair of the asset, accepted or with the reason it was rejected, excluded or failed (METHOD.md §1.3).</summary>
    public async Task<ApiResponse> AssetPairsAsync(ApiRequest request, string asset, CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var pairs = await results.GetPairsAsync(asset, settingsKey, cancellationToken);
        return pairs.Count == 0
            ? Problems.NotFound($"No pairs for asset '{asset}'.", request)
            : ApiResponse.Json(200, new AssetPairsView(asset, pairs));
    }

    /// <summary><c>GET /api/exports</c>: the run-level export files of the settings in force, to download from <c>/api/exports/files/{name}</c>.</summary>
    public async Task<ApiResponse> ExportsAsync(CancellationToken cancellationToken) =>
        ApiResponse.Json(200, new ExportListView(await results.ListExportsAsync(settingsKey, cancellationToken)));

    /// <summary><c>GET /api/exports/files/{name}</c>: one export file (a sector's Climate TRACE sources or confidence CSV, estimate.json or left-out.csv); other names are a 400.</summary>
    public async Task<ApiResponse> ExportFileAsync(ApiRequest request, string name, CancellationToken cancellationToken)
    {
        if (!ProductNames.IsExport(name)) return Problems.BadRequest($"unknown export file; one of {string.Join(", ", ProductNames.ExportNames)}", request);
        var product = await results.OpenExportAsync(settingsKey, name, cancellationToken);
        return product is null
            ? Problems.NotFound($"No export '{name}' yet.", request)
            : ApiResponse.Stream(product.Content, product.ContentType, name);
    }
}
