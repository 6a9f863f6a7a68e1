using MineFunctions.Core.Inputs;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Reads an asset's folder: checks its manifest, production and emissions files parse (else the asset
/// fails here with their file:line reasons) and its polygon exists, reads the optional pair catalogue and
/// the products' metadata, and lets <see cref="PairInventory"/> find the pairs (METHOD.md §1.1). Writes the
/// asset's input report (files skipped, duplicates, exclusions, warnings) and a PairResults row, with its
/// numbers, for each pair the selection rules leave out; files outside the layout never fail the asset. The
/// selected pairs are stored as a list (<see cref="AssetInventory.PairsBlob"/>); the answer holds the first page.
/// </summary>
public sealed class DiscoverAssetActivity(IProductStore store) : TaskActivity<AssetScope, AssetInventory>
{
    public override async Task<AssetInventory> RunAsync(TaskActivityContext context, AssetScope input)
    {
        var (asset, settings, ct) = (AssetIds.Check(input.AssetId), input.Settings, ActivityCancellation.Token);
        var folder = await AssetFolder.ListAsync(store, asset);
        await folder.CheckRequiredAsync(store);

        var report = folder.SkippedLines();
        var catalogue = await store.ReadCatalogueAsync(folder.Inputs(InputBlobKind.PairCatalogue), report);
        var rasters = folder.Inputs(InputBlobKind.PairRaster);
        var products = await store.ReadProductsAsync(rasters, folder.Listed, report);
        var headerDates = await store.ReadDimapBandsAsync(rasters, folder.Listed, products, report);
        // A product's raster (zip, SNAP band) takes part only when its metadata was read; the rest are reported above.
        var inventory = PairInventory.Build(
            rasters.Select(b => b.BlobName).Where(n => !(Hyp3Zip.IsZip(n) || Dimap.IsBandImage(n)) || products.ContainsKey(n)),
            folder.Inputs(InputBlobKind.SlcRaster).Select(b => b.BlobName),
            catalogue, settings.Selection(), settings.YearRule(), products, headerDates);
        InputLimits.CheckPairs(asset, inventory.Selected.Count);

        var key = SettingsFingerprint.Of(settings);
        await store.UpsertAllAsync(inventory.Excluded.Where(e => e is { Pair: not null, Duplicate: false }).Select(e => PairRows.Excluded(asset, key, e, settings.YearRule())), ct);
        await store.WriteTextAsync(StorageLayout.InputReport(asset, key), InputReportCsv.Write(InputReportCsv.Lines(report, inventory)), "text/csv", ct);

        // The selected pairs go to a blob and come back in pages: a stack of hundreds of pairs passes the 45 KB spill size.
        var pairs = inventory.Selected.Select(folder.PairWorkOf).ToList();
        var pairsBlob = StorageLayout.PairList(asset, key, input.RunId);
        await StoredLists.WriteAsync(store, pairsBlob, pairs, ct);
        return new AssetInventory(asset, pairs.Count, inventory.Excluded.Count, pairsBlob, PairPage.Take(pairs, 0, StoredLists.SizeOf));
    }
}
