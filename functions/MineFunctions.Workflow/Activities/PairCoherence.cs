using MineFunctions.Core.Coherence;

namespace MineFunctions.Workflow.Activities;

/// <summary>Reads one pair's coherence, from the user's raster or from the coherence product of an SLC pair, and an SLC pair's two acquisitions.</summary>
internal static class PairCoherence
{
    /// <summary>Where the pair's coherence is read: the user's raster, or the coherence product of an SLC pair.</summary>
    public static (StoreArea Area, string Blob) SourceOf(AssetScope scope, PairWork pair) => pair.FromSlc
        ? (StoreArea.Products, StorageLayout.Coherence(scope.AssetId, SettingsFingerprint.Of(scope.Settings), pair.Reference, pair.Secondary))
        : (StoreArea.Inputs, pair.InputBlob ?? throw new InvalidDataException($"Pair {pair.PairId} names no input raster."));

    /// <summary>
    /// The version of the pair's coherence blob, asked before its pixels are read (one replaced in between looks
    /// changed next time, never the reverse). A user's raster has the version discovery pinned (every read of it is
    /// conditional on that ETag); only an SLC pair's coherence product is asked for it. Null when the blob is missing.
    /// </summary>
    public static async Task<CheckpointPair> VersionAsync(IProductStore store, AssetScope scope, PairWork pair)
    {
        var (area, blob) = SourceOf(scope, pair);
        var eTag = !pair.FromSlc && pair.InputETag is { } pinned ? pinned : (await store.GetAsync(area, blob, ActivityCancellation.Token))?.ETag;
        return new CheckpointPair(pair.PairId, blob, eTag, null);
    }

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

    /// <summary>The two acquisitions of an SLC pair (interleaved complex64), each at the version discovery pinned, on one grid.</summary>
    /// <exception cref="UnreadablePairException">An acquisition was deleted or replaced since discovery (<see cref="UnreadablePairException.ForChangedInput"/>).</exception>
    public static async Task<(float[] Reference, float[] Secondary, GridSpec Grid)> ReadSlcAsync(IProductStore store, string asset, PairWork pair)
    {
        var (referenceName, secondaryName) = (StorageLayout.SlcRaster(asset, pair.Reference), StorageLayout.SlcRaster(asset, pair.Secondary));
        var (reference, grid) = await ReadAcquisitionAsync(store, referenceName, pair.InputETag);
        var (secondary, secondaryGrid) = await ReadAcquisitionAsync(store, secondaryName, pair.SecondaryETag);
        GridCheck.EnsureSameGrid(grid, referenceName, secondaryGrid, secondaryName);
        return (reference, secondary, grid);
    }

    private static async Task<(float[] Pixels, GridSpec Grid)> ReadAcquisitionAsync(IProductStore store, string name, string? eTag)
    {
        try
        {
            return await store.ReadInputComplex64Async(name, eTag, ActivityCancellation.Token);
        }
        catch (Azure.RequestFailedException ex) when (UnreadablePairException.ForChangedInput(name, ex) is { } changed)
        {
            throw changed;
        }
    }
}
