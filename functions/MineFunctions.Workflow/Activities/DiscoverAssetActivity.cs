using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow;
using MineFunctions.Core.Inputs;
using MineFunctions.Core.Pairs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Reads an asset's folder: checks its manifest, production and emissions files parse (else the asset
/// fails here with their file:line reasons) and its polygon exists, reads the optional pair catalogue,
/// and lets <see cref="PairInventory"/> find the pairs (METHOD.md §1.1). Writes the asset's input
/// report (files skipped, duplicates, exclusions, warnings) and a PairResults row, with its numbers,
/// for each pair the selection rules leave out; files outside the layout never fail the asset. The
/// selected pairs are stored as a list (<see cref="AssetInventory.PairsBlob"/>); the answer holds the first page.
/// </summary>
public sealed class DiscoverAssetActivity(IProductStore store) : TaskActivity<AssetScope, AssetInventory>
{
    [ActivatorUtilitiesConstructor]
    public DiscoverAssetActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<AssetInventory> RunAsync(TaskActivityContext context, AssetScope input)
    {
        var asset = AssetIds.Check(input.AssetId);
        var files = new List<InputFileVerdict>();
        await foreach (var file in store.ListAssetInputsAsync(asset, ActivityCancellation.Token)) files.Add(file);
        var blobs = files.Select(f => f.Input).OfType<InputBlob>().ToList();

        if (!blobs.Any(b => b.Kind == InputBlobKind.Manifest))
            throw new InvalidDataException($"Asset '{asset}' has no {StorageLayout.ManifestFile}.");
        // The files the estimate reads must parse, or the asset would succeed and then be missing from the export.
        var estimateFiles = await AssetEstimateFiles.ReadAsync(store, asset, ActivityCancellation.Token);
        if (estimateFiles.Errors.Count > 0) throw new InvalidDataException(estimateFiles.Reason());
        if (!blobs.Any(b => b.Kind == InputBlobKind.Polygon))
            throw new InvalidDataException($"Asset '{asset}' has no mine polygon ({string.Join(" or ", StorageLayout.PolygonFiles)}).");

        var report = files.Where(f => f.Input is null)
            .Select(f => new InputReportLine(f.Name[(asset.Length + 1)..], "skipped", f.SkipReason!)).ToList();
        var catalogue = await store.ReadCatalogueAsync(blobs.Where(b => b.Kind == InputBlobKind.PairCatalogue).ToList(), report);

        var rasters = blobs.Where(b => b.Kind == InputBlobKind.PairRaster).ToList();
        var listed = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var products = await store.ReadProductsAsync(rasters, listed, report);
        var headerDates = await ReadDimapBandsAsync(rasters, listed, products, report);
        var inventory = PairInventory.Build(
            rasters.Select(b => b.BlobName).Where(n => !(Hyp3Zip.IsZip(n) || Dimap.IsBandImage(n)) || products.ContainsKey(n)),
            blobs.Where(b => b.Kind == InputBlobKind.SlcRaster).Select(b => b.BlobName),
            catalogue, input.Settings.Selection(), input.Settings.YearRule(), products, headerDates);
        InputLimits.CheckPairs(asset, inventory.Selected.Count);

        var key = SettingsFingerprint.Of(input.Settings);
        foreach (var e in inventory.Excluded.Where(e => e is { Pair: not null, Duplicate: false }))
        {
            var p = e.Pair!;
            await store.UpsertAsync(new PairResultRow(
                asset, key, p.Reference, p.Secondary, Core.Ndai.YearAssignment.YearOf(p.Reference, p.Secondary, input.Settings.YearRule()),
                0, null, null, false, "excluded: " + e.Reason, p.PerpendicularBaselineM, null, null, p.BaselineSource), ActivityCancellation.Token);
        }
        await store.WriteTextAsync(StorageLayout.InputReport(asset, key), InputReportCsv.Write(InputReportCsv.Lines(report, inventory)), "text/csv", ActivityCancellation.Token);

        // Each pair's input is pinned at the version listed here: a later read of another version fails that pair.
        var eTags = files.Where(f => f.ETag is not null).ToDictionary(f => f.Name, f => f.ETag!, StringComparer.Ordinal);
        string? ETagOf(string? name) => name is not null && eTags.TryGetValue(name, out var e) ? e : null;
        var pairs = inventory.Selected.Select(s => new PairWork(
            StorageLayout.PairId(s.Pair.Reference, s.Pair.Secondary), s.Pair.Reference, s.Pair.Secondary, s.Year,
            s.InputName is null, s.InputName, s.Pair.PerpendicularBaselineM, s.Pair.BaselineSource,
            s.Product is { } h ? new PairProduct(h.ProductName, h.Looks, h.PixelSpacingM) : null,
            ETagOf(s.InputName ?? StorageLayout.SlcRaster(asset, s.Pair.Reference)),
            s.InputName is null ? ETagOf(StorageLayout.SlcRaster(asset, s.Pair.Secondary)) : null)).ToList();
        // The selected pairs go to a blob and come back in pages: a stack of hundreds of pairs passes the 45 KB spill size.
        var pairsBlob = StorageLayout.PairList(asset, key, input.RunId);
        await StoredLists.WriteAsync(store, pairsBlob, pairs, ActivityCancellation.Token);
        return new AssetInventory(asset, pairs.Count, inventory.Excluded.Count, pairsBlob, PairPage.Take(pairs, 0, StoredLists.SizeOf));
    }

    /// <summary>
    /// The coherence bands of SNAP BEAM-DIMAP products (<c>pairs/&lt;product&gt;.data/coh_*.img</c>): each needs its
    /// ENVI .hdr and the product's .dim, which must list the band. Adds the product's metadata to
    /// <paramref name="products"/> and returns the pair dates of each band (from its name, else the .dim's
    /// metadata); a band that fails any of this is left out and reported.
    /// </summary>
    private async Task<Dictionary<string, (DateOnly Reference, DateOnly Secondary)>> ReadDimapBandsAsync(
        List<InputBlob> rasters, HashSet<string> listed, Dictionary<string, Hyp3ProductInfo> products, List<InputReportLine> report)
    {
        var dates = new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal);
        var headers = new Dictionary<string, DimapHeader?>(StringComparer.Ordinal);
        foreach (var raster in rasters.Where(r => Dimap.IsBandImage(r.BlobName)))
        {
            var (enviHeader, productHeader, bandName) = Dimap.CompanionsOf(raster.BlobName);
            var dimFile = Path.GetFileName(productHeader);
            var subject = raster.BlobName[(raster.BlobName.IndexOf('/', StringComparison.Ordinal) + 1)..];
            string? problem = null;
            if (!listed.Contains(productHeader)) problem = $"no {dimFile} beside its .data folder (a SNAP BEAM-DIMAP product is the .dim and its .data/)";
            else if (!listed.Contains(enviHeader)) problem = $"no {bandName}.hdr beside it (ENVI header)";
            else
            {
                if (!headers.TryGetValue(productHeader, out var header))
                {
                    try
                    {
                        header = DimapHeader.Parse(await store.ReadAsync(StoreArea.Inputs, productHeader, ActivityCancellation.Token), dimFile);
                    }
                    catch (FormatException e)
                    {
                        report.Add(new InputReportLine(productHeader[(productHeader.IndexOf('/', StringComparison.Ordinal) + 1)..], "excluded", e.Message));
                        header = null;
                    }
                    headers[productHeader] = header;
                }
                if (header is null) problem = $"{dimFile} is not a readable BEAM-DIMAP header";
                else if (header.Band(bandName) is not { } band) problem = $"{dimFile} lists no band '{bandName}'";
                else if (header.PairDates(band, out var why) is not { } pair) problem = why;
                else
                {
                    dates[raster.BlobName] = pair;
                    products[raster.BlobName] = header.ProductInfo(pair, dimFile);
                }
            }
            if (problem is not null) report.Add(new InputReportLine(subject, "excluded", problem));
        }
        return dates;
    }
}
