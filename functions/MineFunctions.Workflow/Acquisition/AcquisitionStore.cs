using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>What acquisition reads from the input container: the polygon, and the pairs already stored (names: <see cref="StorageLayout"/>).</summary>
internal static class AcquisitionStore
{
    public static async Task<string> ReadPolygonAsync(PipelineStorage storage, string assetId, CancellationToken ct = default)
    {
        var blob = StorageLayout.Polygon(assetId);
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
}
