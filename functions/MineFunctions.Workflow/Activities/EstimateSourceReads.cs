using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Workflow.Activities;

/// <summary>What <see cref="RunEstimateActivity"/> reads of each asset, and its Emissions rows.</summary>
internal static class EstimateSourceReads
{
    /// <summary>
    /// One asset's inputs to the estimate: its files (<see cref="AssetEstimateFiles"/>, the reader discovery also uses)
    /// and its mined areas (AnnualActivity rows). An asset whose files do not read or parse is left out with its
    /// file:line reasons (<see cref="EstimateSources.Failure"/>), and the others go on.
    /// </summary>
    public static async Task<EstimateSources> ReadEstimateSourcesAsync(this IProductStore store, string assetId, string key)
    {
        var files = await AssetEstimateFiles.ReadAsync(store, AssetIds.Check(assetId), ActivityCancellation.Token);
        if (files.Errors.Count > 0) return new EstimateSources(files.Reason());
        var into = new EstimateSources();
        into.Seen(files.NewestInput);
        into.Assets.Add(files.Asset!, 1);
        if (files.Production is { } production) into.Production.AddAll(production);
        if (files.Emissions is { } emissions) into.Emissions.AddAll(emissions);
        await foreach (var row in store.QueryAssetAsync<AnnualActivityRow>(assetId, key, ActivityCancellation.Token))
        {
            if (row.ActiveAreaM2 is not { } area || row.ActivePixels is not { } pixels) continue;
            into.Areas.Add(new MinedArea(assetId, row.Year, area, row.ActiveAreaUncertaintyM2), row.Year);
            into.YearAreas.Add((assetId, new YearArea(row.Year, pixels, area)));
        }
        return into;
    }

    /// <summary>The Emissions row of one asset-year of the estimate.</summary>
    public static EmissionsRow RowOf(RunEstimateRow row, string key)
    {
        var (e, area) = (row.Estimate, row.Area);
        return new EmissionsRow(e.Asset.Id, key, e.Year, e.Asset.Commodity.Word(), e.Asset.Iso3,
            area?.AreaM2, e.Activity?.OreT, e.Activity?.Confidence.CsvName(), e.EmissionFactor?.TCo2PerTOre, e.EmissionFactor?.Confidence.CsvName(),
            e.Co2T, e.Co2Confidence?.CsvName(), e.Co2UncertaintyT, area?.UncertaintyM2, e.Activity?.UncertaintyT);
    }
}
