namespace MineFunctions.App.Results;

/// <summary>Reads an asset's per-year results from the result tables.</summary>
public interface IAssetResultsReader
{
    /// <summary>The asset's results, or null when the asset has none.</summary>
    Task<AssetResults?> GetAsync(string assetId, CancellationToken cancellationToken);
}
