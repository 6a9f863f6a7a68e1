using MineFunctions.Workflow;
using MineFunctions.Core.Coherence;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>Reads one pair's coherence, from the user's raster or from the coherence product of an SLC pair.</summary>
internal static class PairCoherence
{
    /// <summary>Where the pair's coherence is read: the user's raster, or the coherence product of an SLC pair.</summary>
    public static (StoreArea Area, string Blob) SourceOf(AssetScope scope, PairWork pair) => pair.FromSlc
        ? (StoreArea.Products, StorageLayout.Coherence(scope.AssetId, SettingsFingerprint.Of(scope.Settings), pair.Reference, pair.Secondary))
        : (StoreArea.Inputs, pair.InputBlob ?? throw new InvalidDataException($"Pair {pair.PairId} names no input raster."));

    /// <exception cref="UnreadablePairException">
    /// The raster is missing, empty, truncated or not a raster, or a user's raster is no longer at the version
    /// discovery pinned (<see cref="PairWork.InputETag"/>).
    /// </exception>
    public static async Task<(float[] Pixels, GridSpec Grid, ValidationCounts Counts)> ReadAsync(IProductStore store, AssetScope scope, PairWork pair)
    {
        var (area, blob) = SourceOf(scope, pair);
        float[] pixels;
        GridSpec grid;
        try
        {
            (pixels, grid) = pair.FromSlc
                ? await store.ReadFloat32Async(area, blob, ActivityCancellation.Token)
                : await store.ReadInputFloat32Async(blob, pair.InputETag, ActivityCancellation.Token);
        }
        catch (GdalException ex)
        {
            throw new UnreadablePairException(blob, ex.Message, ex);
        }
        catch (Azure.RequestFailedException ex) when (UnreadablePairException.ForChangedInput(blob, ex) is { } changed)
        {
            throw changed;
        }
        // A user's raster may use 0 as unset nodata; the estimator's own product may not (its 0 is a value).
        var counts = pair.FromSlc ? CoherenceValidation.Sanitize(pixels) : CoherenceInput.PrepareUserRaster(pixels);
        return (pixels, grid, counts);
    }
}
