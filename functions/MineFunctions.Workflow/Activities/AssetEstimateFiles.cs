using MineFunctions.Core.Inputs;
using MineFunctions.Core.Export;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// One asset's files that the run's estimate reads (asset.json, production.csv, emissions.csv), read
/// from the input container within their size bounds and parsed, with every problem as
/// "file:line: message". Discovery reads them first, so an asset whose files do not parse fails with
/// those reasons before any raster work; the estimate reads them again and leaves out, with the same
/// reasons, any asset of the container that does not parse.
/// </summary>
internal sealed record AssetEstimateFiles(
    Asset? Asset,
    ParseResult<ReportedProduction>? Production,
    ParseResult<EmissionsReport>? Emissions,
    IReadOnlyList<string> Errors,
    DateTimeOffset NewestInput)
{
    /// <summary>Most problems quoted in one reason (it crosses the Durable history and the Runs table).</summary>
    internal const int MaxQuoted = 10;

    public static async Task<AssetEstimateFiles> ReadAsync(IProductStore store, string assetId, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var newest = DateTimeOffset.UnixEpoch;
        async Task<string?> TextAsync(string blobName, InputBlobKind kind)
        {
            // One bounded read a file, where a look and then a read took two: a run's estimate reads every asset's files.
            if (await store.ReadInputTextIfAnyAsync(blobName, kind, cancellationToken) is not { } read) return null;
            if (read.LastModified is { } t && t > newest) newest = t;
            return read.Text;
        }

        Asset? asset = null;
        ParseResult<ReportedProduction>? production = null;
        ParseResult<EmissionsReport>? emissions = null;
        try
        {
            var manifestName = StorageLayout.Manifest(assetId);
            var manifestText = await TextAsync(manifestName, InputBlobKind.Manifest)
                ?? throw new InvalidDataException($"Asset '{assetId}' has no {StorageLayout.ManifestFile}.");
            var manifest = AssetManifest.Parse(manifestText, manifestName);
            asset = new Asset(assetId, manifest.Name, CommodityExtensions.Parse(manifest.Commodity), manifest.Iso3, manifest.Lat, manifest.Lon, null);

            if (await TextAsync(StorageLayout.Production(assetId), InputBlobKind.Production) is { } productionText)
                production = RunEstimate.OwnRows(ProductionCsvReader.Read(new StringReader(productionText), StorageLayout.Production(assetId)), assetId, p => p.AssetId);
            if (await TextAsync(StorageLayout.Emissions(assetId), InputBlobKind.Emissions) is { } emissionsText)
                emissions = EmissionsReportCsvReader.Read(new StringReader(emissionsText), StorageLayout.Emissions(assetId));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or FileNotFoundException)
        {
            errors.Add(ex.Message);
        }
        errors.AddRange((production?.Errors ?? []).Concat(emissions?.Errors ?? []).Select(e => e.ToString()));
        return new AssetEstimateFiles(asset, production, emissions, errors, newest);
    }

    /// <summary>The problems as one bounded reason: the first <see cref="MaxQuoted"/>, then how many more.</summary>
    public string Reason() => Runs.FailureReasons.Cut(
        string.Join("; ", Errors.Take(MaxQuoted)) + (Errors.Count > MaxQuoted ? $"; and {Errors.Count - MaxQuoted} more" : ""));
}
