using MineFunctions.Core.Inputs;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Workflow.Activities;

/// <summary>The reads several activities share: the asset's polygon, pair catalogue and HyP3 metadata, and the stack's stable products.</summary>
internal static class ActivityReads
{
    /// <summary>The mine polygon rasterised on <paramref name="grid"/> (the first of the accepted polygon files present).</summary>
    public static async Task<byte[]> ReadPolygonAsync(this IProductStore store, string asset, GridSpec grid)
    {
        foreach (var file in StorageLayout.PolygonFiles)
        {
            var name = StorageLayout.Polygon(asset, file);
            if (!await store.ExistsAsync(StoreArea.Inputs, name, ActivityCancellation.Token)) continue;
            return PolygonMask.RasterizeContent(await store.ReadInputCheckedAsync(name, InputBlobKind.Polygon, ActivityCancellation.Token), file, grid);
        }
        throw new InvalidDataException($"Asset '{asset}' has no mine polygon ({string.Join(" or ", StorageLayout.PolygonFiles)}).");
    }

    /// <summary>The stack's stable mask and time-mean coherence (StableStatisticsActivity's products), on one grid.</summary>
    public static async Task<(byte[] Mask, float[] Mean, GridSpec Grid)> ReadStableAsync(this IProductStore store, string asset, string key)
    {
        var (bands, grid) = await store.ReadStableBandsAsync(asset, key, 2);
        return (MaskBytes(bands[0]), bands[1], grid);
    }

    /// <summary>
    /// The first <paramref name="count"/> (1 or 2) bands of the stack's stable raster (<see cref="StorageLayout.StablePoints"/>:
    /// mask, time mean); a build before 2026-12-07 wrote them as rasters of their own, read there when the stack is
    /// missing (an orchestration in flight across an upgrade: a run writes the stack before anything reads it).
    /// </summary>
    public static async Task<(float[][] Bands, GridSpec Grid)> ReadStableBandsAsync(this IProductStore store, string asset, string key, int count)
    {
        var ct = ActivityCancellation.Token;
        try
        {
            if (count > 1) return await store.ReadFloat32BandsAsync(StoreArea.Products, StorageLayout.StablePoints(asset, key), ct);
            var (mask, grid) = await store.ReadFloat32Async(StoreArea.Products, StorageLayout.StablePoints(asset, key), ct);
            return ([mask], grid);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            var (mask, grid) = await store.ReadFloat32Async(StoreArea.Products, StorageLayout.StableMask(asset, key), ct);
            if (count == 1) return ([mask], grid);
            var (mean, meanGrid) = await store.ReadFloat32Async(StoreArea.Products, StorageLayout.StableMean(asset, key), ct);
            GridCheck.EnsureSameGrid(grid, "stable mask", meanGrid, "stable mean");
            return ([mask, mean], grid);
        }
    }

    /// <summary>A mask band as bytes: 1 = stable; NaN or nodata reads as 0.</summary>
    public static byte[] MaskBytes(float[] band)
    {
        var bytes = new byte[band.Length];
        for (var i = 0; i < band.Length; i++) bytes[i] = float.IsNaN(band[i]) ? (byte)0 : (byte)band[i];
        return bytes;
    }

    /// <summary>
    /// The asset's catalogue: pairs.csv (any accepted CSV form) or pairs.geojson (asf_search stack).
    /// With both, pairs.csv is read and pairs.geojson reported as ignored, so the source of every Bperp is one file.
    /// </summary>
    public static async Task<PairCatalogue> ReadCatalogueAsync(this IProductStore store, List<InputBlob> catalogues, List<InputReportLine> report)
    {
        var csv = catalogues.FirstOrDefault(c => c.FileName == StorageLayout.PairCatalogueFile);
        var geoJson = catalogues.FirstOrDefault(c => c.FileName == StorageLayout.PairCatalogueGeoJsonFile);
        if (csv is not null)
        {
            if (geoJson is not null) report.Add(new InputReportLine(geoJson.FileName, "skipped", $"{StorageLayout.PairCatalogueFile} is present and is the catalogue read"));
            return PairCatalogueCsv.Read(new StringReader(await store.ReadInputTextCheckedAsync(csv.BlobName, csv.Kind, ActivityCancellation.Token)), csv.FileName);
        }
        return geoJson is null ? PairCatalogue.None : PairCatalogueGeoJson.Read(await store.ReadInputTextCheckedAsync(geoJson.BlobName, geoJson.Kind, ActivityCancellation.Token), geoJson.FileName);
    }

    /// <summary>
    /// HyP3 product metadata by raster blob: from the parameter file inside a product zip (its directory and
    /// that one small entry are read by ranged reads, not the whole zip), or beside the _corr.tif of an
    /// unzipped product folder. A zip that is no HyP3 InSAR product is left out and reported.
    /// </summary>
    public static async Task<Dictionary<string, Hyp3ProductInfo>> ReadProductsAsync(this IProductStore store, List<InputBlob> rasters, HashSet<string> listed, List<InputReportLine> report)
    {
        var products = new Dictionary<string, Hyp3ProductInfo>(StringComparer.Ordinal);
        foreach (var raster in rasters)
        {
            if (Hyp3Zip.IsZip(raster.FileName))
            {
                try
                {
                    await using var zip = await store.OpenReadAsync(StoreArea.Inputs, raster.BlobName, ActivityCancellation.Token);
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
                if (listed.Contains(parameters)) products[raster.BlobName] = Hyp3ProductInfo.Parse(product, await store.ReadInputTextCheckedAsync(parameters, InputBlobKind.PairParameters, ActivityCancellation.Token));
            }
        }
        return products;
    }
}
