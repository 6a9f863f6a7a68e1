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
            ? await RasterBlobs.ReadFloat32Async(storage.Products, ProductLayout.Coherence(scope.AssetId, PipelineStorage.KeyOf(scope.Settings), pair.Reference, pair.Secondary), CancellationToken.None)
            : await RasterBlobs.ReadFloat32Async(storage.Inputs, pair.InputBlob ?? throw new InvalidDataException($"Pair {pair.PairId} names no input raster."), CancellationToken.None);
        if (!pair.FromSlc) ZeroIsNoData(pixels);
        return (pixels, grid, CoherenceValidation.Sanitize(pixels));
    }

    /// <summary>
    /// GAMMA and some ISCE products leave nodata unset and write 0 (METHOD.md §1.2): exact zeros of a
    /// user's coherence raster are nodata. (The estimator's own 0 for a zero denominator never reaches
    /// here: SLC pairs are read from the coherence product.)
    /// </summary>
    private static void ZeroIsNoData(Span<float> pixels)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            if (pixels[i] == 0f) pixels[i] = float.NaN;
        }
    }
}
