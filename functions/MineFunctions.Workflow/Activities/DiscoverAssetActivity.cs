using System.Text;
using Microsoft.DurableTask;
using MineFunctions.Core.Pairs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Reads an asset's folder: checks its manifest and polygon exist, reads the optional pair catalogue,
/// and lets <see cref="PairInventory"/> find the pairs (METHOD.md §1.1). Writes the asset's input
/// report (files skipped, duplicates, exclusions, warnings) and a PairResults row, with its numbers,
/// for each pair the selection rules leave out; files outside the layout never fail the asset. The
/// selected pairs are stored as a list (<see cref="AssetInventory.PairsBlob"/>); the answer holds the first page.
/// </summary>
public sealed class DiscoverAssetActivity(PipelineStorage storage) : TaskActivity<AssetScope, AssetInventory>
{
    public override async Task<AssetInventory> RunAsync(TaskActivityContext context, AssetScope input)
    {
        var asset = AssetIds.Check(input.AssetId);
        var files = new List<InputFileVerdict>();
        await foreach (var file in storage.Inputs.ListAssetInputsAsync(asset)) files.Add(file);
        var blobs = files.Select(f => f.Input).OfType<InputBlob>().ToList();

        if (!blobs.Any(b => b.Kind == InputBlobKind.Manifest))
            throw new InvalidDataException($"Asset '{asset}' has no {InputLayout.ManifestFile}.");
        AssetManifest.Parse(await DownloadTextAsync(InputLayout.Manifest(asset)), $"{asset}/{InputLayout.ManifestFile}");
        if (!blobs.Any(b => b.Kind == InputBlobKind.Polygon))
            throw new InvalidDataException($"Asset '{asset}' has no mine polygon ({string.Join(" or ", InputLayout.PolygonFiles)}).");

        var report = files.Where(f => f.Input is null)
            .Select(f => new InputReportLine(f.Name[(asset.Length + 1)..], "skipped", f.SkipReason!)).ToList();
        var catalogue = await ReadCatalogueAsync(blobs.Where(b => b.Kind == InputBlobKind.PairCatalogue).ToList(), report);

        var rasters = blobs.Where(b => b.Kind == InputBlobKind.PairRaster).ToList();
        var products = await ReadProductsAsync(rasters, files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal), report);
        var inventory = PairInventory.Build(
            rasters.Select(b => b.BlobName).Where(n => !Hyp3Zip.IsZip(n) || products.ContainsKey(n)),
            blobs.Where(b => b.Kind == InputBlobKind.SlcRaster).Select(b => b.BlobName),
            catalogue, input.Settings.Selection(), input.Settings.YearRule(), products);

        var key = PipelineStorage.KeyOf(input.Settings);
        foreach (var e in inventory.Excluded.Where(e => e is { Pair: not null, Duplicate: false }))
        {
            var p = e.Pair!;
            await storage.Tables.UpsertAsync(new PairResultRow(
                asset, key, p.Reference, p.Secondary, Core.Ndai.YearAssignment.YearOf(p.Reference, p.Secondary, input.Settings.YearRule()),
                0, null, null, false, "excluded: " + e.Reason, p.PerpendicularBaselineM, null, null, p.BaselineSource));
        }
        await storage.Products.UploadAsync(WorkflowProducts.InputReport(asset, key),
            Encoding.UTF8.GetBytes(InputReportCsv.Write(InputReportCsv.Lines(report, inventory))), "text/csv");

        var pairs = inventory.Selected.Select(s => new PairWork(
            ProductLayout.PairId(s.Pair.Reference, s.Pair.Secondary), s.Pair.Reference, s.Pair.Secondary, s.Year,
            s.InputName is null, s.InputName, s.Pair.PerpendicularBaselineM, s.Pair.BaselineSource,
            s.Product is { } h ? new PairProduct(h.ProductName, h.Looks, h.PixelSpacingM) : null)).ToList();
        // The selected pairs go to a blob and come back in pages: a stack of hundreds of pairs passes the 45 KB spill size.
        var pairsBlob = WorkflowProducts.PairList(asset, key, input.RunId);
        await StoredLists.WriteAsync(storage.Products, pairsBlob, pairs);
        return new AssetInventory(asset, pairs.Count, inventory.Excluded.Count, pairsBlob, PairPage.Take(pairs, 0, StoredLists.SizeOf));
    }

    /// <summary>
    /// The asset's catalogue: pairs.csv (any accepted CSV form) or pairs.geojson (asf_search stack).
    /// With both, pairs.csv is read and pairs.geojson reported as ignored, so the source of every Bperp is one file.
    /// </summary>
    private async Task<PairCatalogue> ReadCatalogueAsync(List<InputBlob> catalogues, List<InputReportLine> report)
    {
        var csv = catalogues.FirstOrDefault(c => c.FileName == InputLayout.PairCatalogueFile);
        var geoJson = catalogues.FirstOrDefault(c => c.FileName == InputLayout.PairCatalogueGeoJsonFile);
        if (csv is not null)
        {
            if (geoJson is not null) report.Add(new InputReportLine(geoJson.FileName, "skipped", $"{InputLayout.PairCatalogueFile} is present and is the catalogue read"));
            return PairCatalogueCsv.Read(new StringReader(await DownloadTextAsync(csv.BlobName)), csv.FileName);
        }
        return geoJson is null ? PairCatalogue.None : PairCatalogueGeoJson.Read(await DownloadTextAsync(geoJson.BlobName), geoJson.FileName);
    }

    /// <summary>
    /// HyP3 product metadata by raster blob: from the parameter file inside a product zip (its directory and
    /// that one small entry are read by ranged reads, not the whole zip), or beside the _corr.tif of an
    /// unzipped product folder. A zip that is no HyP3 InSAR product is left out and reported.
    /// </summary>
    private async Task<Dictionary<string, Hyp3ProductInfo>> ReadProductsAsync(List<InputBlob> rasters, HashSet<string> listed, List<InputReportLine> report)
    {
        var products = new Dictionary<string, Hyp3ProductInfo>(StringComparer.Ordinal);
        foreach (var raster in rasters)
        {
            if (Hyp3Zip.IsZip(raster.FileName))
            {
                try
                {
                    await using var zip = await storage.Inputs.OpenReadAsync(raster.BlobName);
                    products[raster.BlobName] = Hyp3Zip.Inspect(zip, raster.FileName).Info;
                }
                catch (InvalidDataException e)
                {
                    report.Add(new InputReportLine(raster.FileName, "excluded", e.Message));
                }
            }
            else if (raster.FileName.EndsWith("_corr.tif", StringComparison.Ordinal))
            {
                var product = raster.FileName[..^"_corr.tif".Length];
                var parameters = raster.BlobName[..(raster.BlobName.Length - raster.FileName.Length)] + product + ".txt";
                if (listed.Contains(parameters)) products[raster.BlobName] = Hyp3ProductInfo.Parse(product, await DownloadTextAsync(parameters));
            }
        }
        return products;
    }

    private async Task<string> DownloadTextAsync(string blobName) =>
        Encoding.UTF8.GetString(await storage.Inputs.DownloadBytesAsync(blobName));
}
