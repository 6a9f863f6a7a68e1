using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.App.Results;

/// <summary>Reads an asset's per-year results from the Emissions table, for the settings in force.</summary>
public sealed class TableAssetResultsReader(ResultTableStore tables, CurrentSettings settings) : IAssetResultsReader
{
    /// <inheritdoc />
    public async Task<AssetResults?> GetAsync(string assetId, CancellationToken cancellationToken)
    {
        var years = new List<AssetYearResult>();
        await foreach (var row in tables.QueryAssetAsync<EmissionsRow>(assetId, settings.Key, cancellationToken))
        {
            years.Add(new AssetYearResult(row.Year, row.MinedAreaM2, row.ActivityTonnes, row.Co2Tonnes, row.Confidence, row.Uncertainty,
                row.MinedAreaUncertaintyM2, row.ActivityUncertaintyTonnes));
        }
        return years.Count == 0 ? null : new AssetResults(assetId, [.. years.OrderBy(y => y.Year)]);
    }
}
