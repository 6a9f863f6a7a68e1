using MineFunctions.Core.Coherence;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>Reads one pair's coherence, from the user's raster or from the coherence product of an SLC pair.</summary>
internal static class PairCoherence
{
    public static async Task<(float[] Pixels, GridSpec Grid, ValidationCounts Counts)> ReadAsync(PipelineStorage storage, AssetScope scope, PairWork pair)
    {
        var (pixels, grid) = pair.FromSlc
            ? await RasterBlobs.ReadFloat32Async(storage.Products, ProductLayout.Coherence(scope.AssetId, PipelineStorage.KeyOf(scope.Settings), pair.Reference, pair.Secondary), storage.ReadOptions, CancellationToken.None)
            : await RasterBlobs.ReadFloat32Async(storage.Inputs, pair.InputBlob ?? throw new InvalidDataException($"Pair {pair.PairId} names no input raster."), storage.ReadOptions, CancellationToken.None);
        // A user's raster may use 0 as unset nodata; the estimator's own product may not (its 0 is a value).
        var counts = pair.FromSlc ? CoherenceValidation.Sanitize(pixels) : CoherenceInput.PrepareUserRaster(pixels);
        return (pixels, grid, counts);
    }
}
