using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>What acquisition reads and writes in the input container: the polygon, and the pair rasters under &lt;asset&gt;/pairs/.</summary>
internal static class AcquisitionStore
{
    public static async Task<string> ReadPolygonAsync(PipelineStorage storage, string assetId, CancellationToken ct = default)
    {
        var blob = InputLayout.Polygon(assetId);
        if (!await storage.Inputs.ExistsAsync(blob, ct))
            throw new InvalidOperationException($"Asset '{assetId}' has no {blob}: acquisition searches by a GeoJSON polygon (polygon.zip/.shp are read by the pipeline, not here).");
        return System.Text.Encoding.UTF8.GetString(await storage.Inputs.DownloadBytesAsync(blob, ct));
    }

    /// <summary>The date pairs of the coherence rasters already stored for the asset (any source: HyP3, user uploads).</summary>
    public static async Task<HashSet<(DateOnly Reference, DateOnly Secondary)>> ProcessedPairsAsync(PipelineStorage storage, string assetId, CancellationToken ct = default)
    {
        var pairs = new HashSet<(DateOnly, DateOnly)>();
        await foreach (var verdict in storage.Inputs.ListAssetInputsAsync(assetId, ct))
        {
            if (verdict.Input is { Kind: InputBlobKind.PairRaster } input && PairDateParser.FromFileName(input.FileName) is { } d) pairs.Add((d.Reference, d.Secondary));
        }
        return pairs;
    }

    /// <summary>
    /// Where a job's coherence raster is stored: "&lt;asset&gt;/pairs/&lt;pair key&gt;_corr.tif" in lower
    /// case (input names allow a-z, 0-9, '-', '_', '.'), its two dates in the name as the pipeline reads them.
    /// </summary>
    public static string PairBlob(string assetId, string pairKey) => InputLayout.PairRaster(assetId, pairKey.ToLowerInvariant() + "_corr.tif");

    public static string ZipBlob(string assetId, string fileName) => BlobPath.Combine(AssetIds.Check(assetId), "hyp3", BlobPath.Segment(fileName.ToLowerInvariant(), "product file name"));
}
