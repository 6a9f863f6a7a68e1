using MineFunctions.Core.Pairs;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// An asset's input folder as discovery lists it (<see cref="DiscoverAssetActivity"/>): each file with its verdict
/// (an input of the layout, or skipped with why) and the version (ETag) it was listed at.
/// </summary>
internal sealed class AssetFolder
{
    private readonly List<InputFileVerdict> _files;
    private readonly List<InputBlob> _inputs;
    private readonly Dictionary<string, string> _eTags;

    private AssetFolder(string asset, List<InputFileVerdict> files)
    {
        (Asset, _files) = (asset, files);
        _inputs = files.Select(f => f.Input).OfType<InputBlob>().ToList();
        _eTags = files.Where(f => f.ETag is not null).ToDictionary(f => f.Name, f => f.ETag!, StringComparer.Ordinal);
        Listed = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    public string Asset { get; }

    /// <summary>Every blob name listed, inputs or not (a sidecar is looked up here).</summary>
    public HashSet<string> Listed { get; }

    public static async Task<AssetFolder> ListAsync(IProductStore store, string asset)
    {
        var files = new List<InputFileVerdict>();
        await foreach (var file in store.ListAssetInputsAsync(asset, ActivityCancellation.Token)) files.Add(file);
        return new AssetFolder(asset, files);
    }

    public List<InputBlob> Inputs(InputBlobKind kind) => _inputs.Where(b => b.Kind == kind).ToList();

    /// <summary>
    /// Fails the asset, with the reasons, unless it has its manifest, a mine polygon, and manifest, production and
    /// emissions files that parse: else it would succeed and then be missing from the export.
    /// </summary>
    public async Task CheckRequiredAsync(IProductStore store)
    {
        if (Inputs(InputBlobKind.Manifest).Count == 0)
            throw new InvalidDataException($"Asset '{Asset}' has no {StorageLayout.ManifestFile}.");
        var estimateFiles = await AssetEstimateFiles.ReadAsync(store, Asset, ActivityCancellation.Token);
        if (estimateFiles.Errors.Count > 0) throw new InvalidDataException(estimateFiles.Reason());
        if (Inputs(InputBlobKind.Polygon).Count == 0)
            throw new InvalidDataException($"Asset '{Asset}' has no mine polygon ({string.Join(" or ", StorageLayout.PolygonFiles)}).");
    }

    /// <summary>The input report's lines of the files outside the layout (never a failure of the asset).</summary>
    public List<InputReportLine> SkippedLines() =>
        _files.Where(f => f.Input is null).Select(f => new InputReportLine(f.Name[(Asset.Length + 1)..], "skipped", f.SkipReason!)).ToList();

    /// <summary>
    /// A selected pair as the workflow carries it, its input pinned at the version listed here (an SLC pair's
    /// two acquisitions each): a later read of another version fails that pair.
    /// </summary>
    public PairWork PairWorkOf(InventoryPair s) => new(
        StorageLayout.PairId(s.Pair.Reference, s.Pair.Secondary), s.Pair.Reference, s.Pair.Secondary, s.Year,
        s.InputName is null, s.InputName, s.Pair.PerpendicularBaselineM, s.Pair.BaselineSource,
        s.Product is { } h ? new PairProduct(h.ProductName, h.Looks, h.PixelSpacingM) : null,
        ETagOf(s.InputName ?? StorageLayout.SlcRaster(Asset, s.Pair.Reference)),
        s.InputName is null ? ETagOf(StorageLayout.SlcRaster(Asset, s.Pair.Secondary)) : null);

    private string? ETagOf(string name) => _eTags.TryGetValue(name, out var e) ? e : null;
}
