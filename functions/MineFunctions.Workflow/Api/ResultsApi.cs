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
}
