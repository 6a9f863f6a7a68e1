using System.Globalization;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Names in the input container (default "mine-input"): one folder per asset (docs/INPUTS.md), and what
/// a name there is (<see cref="Inspect"/>).
/// <code>
/// &lt;asset&gt;/asset.json                 name, commodity, iso3, lat, lon (<see cref="AssetManifest"/>)
/// &lt;asset&gt;/polygon.geojson            mine polygon (or polygon.zip / polygon.shp)
/// &lt;asset&gt;/production.csv             reported production
/// &lt;asset&gt;/emissions.csv              reported emissions
/// &lt;asset&gt;/pairs.csv                  optional pair catalogue (ours, ASF Vertex SBAS, asf_search stack CSV)
/// &lt;asset&gt;/pairs.geojson              optional pair catalogue (asf_search stack GeoJSON)
/// &lt;asset&gt;/pairs/&lt;file&gt;.tif           coherence GeoTIFFs, dates in the name or tags
/// &lt;asset&gt;/pairs/&lt;product&gt;/&lt;file&gt;.tif an unzipped HyP3 product folder: its _corr.tif
/// &lt;asset&gt;/pairs/&lt;product&gt;/&lt;product&gt;.txt the parameter file of an unzipped HyP3 product
/// &lt;asset&gt;/pairs/&lt;product&gt;.zip          a HyP3 product zip as delivered: its _corr.tif, read through /vsizip/
/// &lt;asset&gt;/pairs/&lt;product&gt;.dim          a SNAP BEAM-DIMAP product's header (<see cref="Dimap"/>)
/// &lt;asset&gt;/pairs/&lt;product&gt;.data/coh_*.img (.hdr) its coherence bands, ENVI
/// &lt;asset&gt;/slc/&lt;file&gt;.tif             coregistered SLC acquisitions (complex), one date in the name
/// &lt;asset&gt;/hyp3/&lt;product&gt;.zip          a HyP3 product zip acquisition downloaded, kept when asked (KeepZip); not read
/// </code>
/// The asset id follows <see cref="AssetIds"/>; file names <see cref="BlobPath"/> ([A-Za-z0-9._-],
/// case kept). Anything else in an asset folder is skipped with a reason, never an error: users keep
/// notes, sidecars (.aux.xml, .DS_Store) and whole HyP3 product folders next to their data.
/// </summary>
public static partial class StorageLayout
{
    public const string ManifestFile = "asset.json";
    public const string ProductionFile = "production.csv";
    public const string EmissionsFile = "emissions.csv";
    public const string PairCatalogueFile = "pairs.csv";
    public const string PairCatalogueGeoJsonFile = "pairs.geojson";
    public const string PairsFolder = "pairs";
    public const string SlcFolder = "slc";

    /// <summary>Polygon file names accepted, in order of preference.</summary>
    public static IReadOnlyList<string> PolygonFiles { get; } = ["polygon.geojson", "polygon.zip", "polygon.shp"];

    /// <summary>
    /// Rasters of HyP3 (INSAR_GAMMA, INSAR_ISCE_BURST, INSAR_ISCE_MULTI_BURST) product folders that are
    /// not coherence: they carry the pair's dates too, so they would otherwise count as duplicate pairs.
    /// Suffixes from the HyP3 product guides' file tables; only <c>_corr.tif</c> is coherence.
    /// </summary>
    public static IReadOnlyList<string> NonCoherenceSuffixes { get; } =
    [
        "_amp", "_unw_phase", "_wrapped_phase", "_wrapped_phase_rdr", "_los_disp", "_vert_disp", "_lv_phi", "_lv_theta",
        "_dem", "_inc_map", "_inc_map_ell", "_water_mask", "_conncomp", "_lat_rdr", "_lon_rdr", "_los_rdr",
    ];

    /// <summary>The listing prefix of one asset's inputs, "&lt;asset&gt;/".</summary>
    public static string InputPrefix(string assetId) => AssetIds.Check(assetId) + "/";

    public static string Manifest(string assetId) => BlobPath.Combine(AssetIds.Check(assetId), ManifestFile);

    public static string Polygon(string assetId, string fileName = "polygon.geojson")
    {
        if (!PolygonFiles.Contains(fileName))
            throw new StorageNameException("polygon file", fileName, $"expected one of {string.Join(", ", PolygonFiles)}");
        return BlobPath.Combine(AssetIds.Check(assetId), fileName);
    }

    public static string Production(string assetId) => BlobPath.Combine(AssetIds.Check(assetId), ProductionFile);

    public static string Emissions(string assetId) => BlobPath.Combine(AssetIds.Check(assetId), EmissionsFile);

    public static string PairCatalogue(string assetId) => BlobPath.Combine(AssetIds.Check(assetId), PairCatalogueFile);

    /// <summary>A coherence GeoTIFF of one pair: "&lt;asset&gt;/pairs/&lt;file&gt;".</summary>
    public static string PairRaster(string assetId, string fileName) =>
        BlobPath.Combine(AssetIds.Check(assetId), PairsFolder, BlobPath.Segment(fileName, "pair file name"));

    /// <summary>One SLC acquisition: "&lt;asset&gt;/slc/&lt;yyyymmdd&gt;.tif".</summary>
    public static string SlcRaster(string assetId, DateOnly date) =>
        BlobPath.Combine(AssetIds.Check(assetId), SlcFolder, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".tif");

    /// <summary>
    /// Where acquisition stores a HyP3 job's coherence raster: "&lt;asset&gt;/pairs/&lt;pair key&gt;_corr.tif" in
    /// lower case (input names allow a-z, 0-9, '-', '_', '.'), its two dates in the name as the pipeline reads them.
    /// </summary>
    public static string AcquiredPair(string assetId, string pairKey) => PairRaster(assetId, pairKey.ToLowerInvariant() + "_corr.tif");

    /// <summary>Where acquisition keeps a downloaded HyP3 product zip (KeepZip): "&lt;asset&gt;/hyp3/&lt;file&gt;", in lower case.</summary>
    public static string Hyp3Zip(string assetId, string fileName) =>
        BlobPath.Combine(AssetIds.Check(assetId), "hyp3", BlobPath.Segment(fileName.ToLowerInvariant(), "product file name"));

    /// <summary>What an input blob is, from its name; null for a name outside the layout (see <see cref="Inspect"/> for why).</summary>
    public static InputBlob? Classify(string blobName) => Inspect(blobName).Input;

    /// <summary>
    /// Reads what an input blob is from its name (the path inside the input container, or a file's
    /// path under a local folder with the asset folder's name first). Throws only when the first
    /// segment is not a valid asset id; any other name outside the layout, including one with
    /// characters outside [A-Za-z0-9._-], is returned as skipped with the reason.
    /// </summary>
    public static InputFileVerdict Inspect(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var parts = blobName.Split('/');
        var asset = AssetIds.Check(parts[0]);
        if (parts.Length < 2) return Skip(blobName, "not inside an asset folder");
        var file = parts[^1];
        if (file.Length > 0 && file[0] == '.') return Skip(blobName, "hidden file");
        foreach (var segment in parts.AsSpan(1))
        {
            if (BlobPath.SegmentProblem(segment) is { } problem)
                return Skip(blobName, $"name '{segment}' is not usable ({problem})");
        }
        if (blobName.Length > BlobPath.MaxBlobNameLength) return Skip(blobName, $"the path is longer than {BlobPath.MaxBlobNameLength} characters");

        if (parts.Length == 2)
        {
            var kind = parts[1] switch
            {
                ManifestFile => InputBlobKind.Manifest,
                ProductionFile => InputBlobKind.Production,
                EmissionsFile => InputBlobKind.Emissions,
                PairCatalogueFile or PairCatalogueGeoJsonFile => InputBlobKind.PairCatalogue,
                var f when PolygonFiles.Contains(f) => InputBlobKind.Polygon,
                _ => (InputBlobKind?)null,
            };
            return kind is null
                ? Skip(blobName, "not a file of the input layout")
                : new InputFileVerdict(blobName, new InputBlob(asset, kind.Value, blobName, parts[1]), null);
        }
        if (parts[1] == PairsFolder && Dimap.Kind(parts, file) is { } dimap)
        {
            return dimap.Kind is { } k
                ? new InputFileVerdict(blobName, new InputBlob(asset, k, blobName, file), null)
                : Skip(blobName, dimap.SkipReason!);
        }
        if (parts[1] == PairsFolder && parts.Length == 3 && file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return new InputFileVerdict(blobName, new InputBlob(asset, InputBlobKind.PairRaster, blobName, file), null);
        if (parts[1] == PairsFolder && parts.Length is 3 or 4 && IsProductParameters(file))
            return new InputFileVerdict(blobName, new InputBlob(asset, InputBlobKind.PairParameters, blobName, file), null);
        if (parts[1] == PairsFolder && parts.Length is 3 or 4)
        {
            if (!IsTiff(file)) return Skip(blobName, parts.Length == 3 ? "not a GeoTIFF (.tif, .tiff) or a HyP3 product zip" : "not a GeoTIFF (.tif or .tiff)");
            if (NonCoherenceSuffix(file) is { } suffix) return Skip(blobName, $"a product raster that is not coherence ({suffix}); only *_corr.tif of a HyP3 product is read");
            return new InputFileVerdict(blobName, new InputBlob(asset, InputBlobKind.PairRaster, blobName, file), null);
        }
        if (parts[1] == SlcFolder && parts.Length == 3)
        {
            return IsTiff(file)
                ? new InputFileVerdict(blobName, new InputBlob(asset, InputBlobKind.SlcRaster, blobName, file), null)
                : Skip(blobName, "not a GeoTIFF (.tif or .tiff)");
        }
        return Skip(blobName, "not a file of the input layout");
    }

    // A HyP3 product's parameter file "<product>.txt" (its name holds the pair's dates; the README is
    // "<product>.README.md.txt"): the baseline, looks and pixel spacing of an unzipped product.
    private static bool IsProductParameters(string file) =>
        file.EndsWith(".txt", StringComparison.Ordinal) && !file.EndsWith(".README.md.txt", StringComparison.Ordinal)
        && Core.Pairs.NameDates.Pair(file[..^4], out _) is not null;

    private static InputFileVerdict Skip(string blobName, string reason) => new(blobName, null, reason);

    private static string? NonCoherenceSuffix(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        return NonCoherenceSuffixes.Where(s => stem.EndsWith(s, StringComparison.Ordinal)).MaxBy(s => s.Length);
    }

    private static bool IsTiff(string file) =>
        file.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase);
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

    /// <summary>A HyP3 product's parameter file beside its _corr.tif (pairs/&lt;product&gt;/&lt;product&gt;.txt).</summary>
    PairParameters,

    /// <summary>A SNAP BEAM-DIMAP product's header (pairs/&lt;product&gt;.dim).</summary>
    PairHeader,

    /// <summary>The ENVI header of a coherence band of a BEAM-DIMAP product (pairs/&lt;product&gt;.data/&lt;band&gt;.hdr).</summary>
    PairSidecar,
}

/// <summary>One recognised input blob: its asset, kind, full name and file name.</summary>
public sealed record InputBlob(string AssetId, InputBlobKind Kind, string BlobName, string FileName);

/// <summary>
/// What <see cref="StorageLayout.Inspect"/> made of a name: the recognised input, or why it is skipped. A listing
/// adds the blob's <see cref="ETag"/>, which discovery pins so a pair is never read at another version.
/// </summary>
public sealed record InputFileVerdict(string Name, InputBlob? Input, string? SkipReason)
{
    /// <summary>The blob's ETag when it was listed; null when the verdict comes from a name alone.</summary>
    public string? ETag { get; init; }

    /// <summary>The blob's properties as listed (what a look at it would have answered then); null from a name alone.</summary>
    public StoredBlob? Blob { get; init; }
}
