using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// One pair: reads its coherence and the stack's stable mask, runs <see cref="PairNdai"/> (screening,
/// METHOD.md §1.3, and NDAI when accepted, §1.4), writes the NDAI raster when accepted and the
/// PairResults row with the decision's numbers either way. A pair whose raster cannot be read is
/// recorded as failed with the file and GDAL's reason.
/// </summary>
public sealed class NdaiActivity(IProductStore store) : TaskActivity<PairTask, PairOutcome>
{
    public override Task<PairOutcome> RunAsync(TaskActivityContext context, PairTask input)
    {
        var key = SettingsFingerprint.Of(input.Scope.Settings);
        // A call a pair: the mask is most likely decoded already, by this process's call for another pair of the asset.
        return RunPairAsync(store, input.Scope, key, input.Pair, () => StableMaskCache.ReadAsync(store, input.Scope.AssetId, key),
            row => store.UpsertAsync(row, ActivityCancellation.Token));
    }

    /// <summary>The stack's stable mask, as <see cref="PairNdai"/> takes it, and its grid.</summary>
    internal static async Task<(StableMask Mask, GridSpec Grid)> ReadMaskAsync(IProductStore store, string asset, string key)
    {
        var (bands, grid) = await store.ReadStableBandsAsync(asset, key, 1);
        return (StableMask.FromArea(ActivityReads.MaskBytes(bands[0])), grid);
    }

    /// <summary>
    /// One pair's screening, NDAI and row; <paramref name="readMask"/> is asked for the mask once the pair's raster is read.
    /// The row goes to <paramref name="writeRow"/> after the raster it names is written.
    /// </summary>
    internal static async Task<PairOutcome> RunPairAsync(IProductStore store, AssetScope scope, string key, PairWork pair,
        Func<Task<(StableMask Mask, GridSpec Grid)>> readMask, Func<PairResultRow, Task> writeRow)
    {
        float[] coherence;
        GridSpec grid;
        try
        {
            (coherence, grid, _) = await PairCoherence.ReadAsync(store, scope, pair);
        }
        catch (UnreadablePairException ex)
        {
            await writeRow(PairRows.Failed(scope, pair, ex));
            return new PairOutcome(pair.PairId, pair.Year, false, PairRows.Summary(ex), double.NaN, double.NaN, Failed: true);
        }
        var (mask, maskGrid) = await readMask();
        GridCheck.EnsureSameGrid(maskGrid, "stable mask", grid, pair.PairId);

        var (decision, ndai) = PairNdai.Run(coherence, mask, scope.Settings.Stable());
        var ndaiBlob = ndai is null ? null : StorageLayout.Ndai(scope.AssetId, key, pair.Reference, pair.Secondary);
        if (ndai is not null) await store.WriteFloat32Async(ndaiBlob!, ndai, grid, ActivityCancellation.Token);
        await writeRow(PairRows.Row(scope, pair, decision.StablePixelCount,
            Finite(decision.StableMean), Finite(decision.StableStd), decision.Accepted, decision.Reason, ndaiBlob));
        return new PairOutcome(pair.PairId, pair.Year, decision.Accepted, decision.Reason, decision.StableMean, decision.StableStd, false);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
