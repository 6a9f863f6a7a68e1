using System.Globalization;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Names in the input container (default "mine-input"): one folder per asset.
/// <code>
/// &lt;asset&gt;/asset.json            name, commodity, iso3, lat, lon (<see cref="AssetManifest"/>)
/// &lt;asset&gt;/polygon.geojson       mine polygon (or polygon.zip / polygon.shp)
/// &lt;asset&gt;/production.csv        reported production
/// &lt;asset&gt;/emissions.csv         reported emissions
/// &lt;asset&gt;/pairs.csv             optional pair catalogue (dates, bperp_m, track, ...)
/// &lt;asset&gt;/pairs/&lt;file&gt;.tif      coherence GeoTIFFs, dates in the name or tags
/// &lt;asset&gt;/slc/&lt;yyyymmdd&gt;.tif     coregistered SLC acquisitions (complex)
/// </code>
/// Every asset id and file name is checked by <see cref="BlobPath"/>.
/// </summary>
public static class InputLayout
{
    public const string ManifestFile = "asset.json";
    public const string ProductionFile = "production.csv";
    public const string EmissionsFile = "emissions.csv";
    public const string PairCatalogueFile = "pairs.csv";
    public const string PairsFolder = "pairs";
    public const string SlcFolder = "slc";

    /// <summary>Polygon file names accepted, in order of preference.</summary>
    public static IReadOnlyList<string> PolygonFiles { get; } = ["polygon.geojson", "polygon.zip", "polygon.shp"];

    /// <summary>The listing prefix of one asset's inputs, "&lt;asset&gt;/".</summary>
    public static string AssetPrefix(string assetId) => BlobPath.AssetId(assetId) + "/";

    public static string Manifest(string assetId) => BlobPath.Combine(BlobPath.AssetId(assetId), ManifestFile);

    public static string Polygon(string assetId, string fileName = "polygon.geojson")
    {
        if (!PolygonFiles.Contains(fileName))
            throw new StorageNameException("polygon file", fileName, $"expected one of {string.Join(", ", PolygonFiles)}");
        return BlobPath.Combine(BlobPath.AssetId(assetId), fileName);
    }

    public static string Production(string assetId) => BlobPath.Combine(BlobPath.AssetId(assetId), ProductionFile);

    public static string Emissions(string assetId) => BlobPath.Combine(BlobPath.AssetId(assetId), EmissionsFile);

    public static string PairCatalogue(string assetId) => BlobPath.Combine(BlobPath.AssetId(assetId), PairCatalogueFile);

    /// <summary>A coherence GeoTIFF of one pair: "&lt;asset&gt;/pairs/&lt;file&gt;".</summary>
    public static string PairRaster(string assetId, string fileName) =>
        BlobPath.Combine(BlobPath.AssetId(assetId), PairsFolder, BlobPath.Segment(fileName, "pair file name"));

    /// <summary>One SLC acquisition: "&lt;asset&gt;/slc/&lt;yyyymmdd&gt;.tif".</summary>
    public static string SlcRaster(string assetId, DateOnly date) =>
        BlobPath.Combine(BlobPath.AssetId(assetId), SlcFolder, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".tif");

    /// <summary>
    /// Reads what an input blob is from its name; null for a name outside the layout (it is
    /// ignored, not an error: users keep notes next to their data). Throws on a name that fails the allowlist.
    /// </summary>
    public static InputBlob? Classify(string blobName)
    {
        var parts = BlobPath.Name(blobName).Split('/');
        var asset = parts[0];
        if (parts.Length == 2)
        {
            var kind = parts[1] switch
            {
                ManifestFile => InputBlobKind.Manifest,
                ProductionFile => InputBlobKind.Production,
                EmissionsFile => InputBlobKind.Emissions,
                PairCatalogueFile => InputBlobKind.PairCatalogue,
                var f when PolygonFiles.Contains(f) => InputBlobKind.Polygon,
                _ => (InputBlobKind?)null,
            };
            return kind is null ? null : new InputBlob(asset, kind.Value, blobName, parts[1]);
        }
        if (parts.Length == 3 && IsTiff(parts[2]))
        {
            if (parts[1] == PairsFolder) return new InputBlob(asset, InputBlobKind.PairRaster, blobName, parts[2]);
            if (parts[1] == SlcFolder) return new InputBlob(asset, InputBlobKind.SlcRaster, blobName, parts[2]);
        }
        return null;
    }

    private static bool IsTiff(string file) =>
        file.EndsWith(".tif", StringComparison.Ordinal) || file.EndsWith(".tiff", StringComparison.Ordinal);
}

/// <summary>The kinds of file in an asset's input folder.</summary>
public enum InputBlobKind
{
    Manifest,
    Polygon,
    Production,
    Emissions,
    PairCatalogue,
    PairRaster,
    SlcRaster,
}

/// <summary>One recognised input blob: its asset, kind, full name and file name.</summary>
public sealed record InputBlob(string AssetId, InputBlobKind Kind, string BlobName, string FileName);
