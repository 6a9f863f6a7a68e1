using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Annual mean NDAI of one year (METHOD.md §1.4): reads the accepted pairs' NDAI rasters a few ahead and adds
/// them in pair order into <see cref="AnnualMeanAccumulator"/>, at the asset's <see cref="DisturbanceLevel"/> (METHOD.md §3),
/// and writes the <see cref="AnnualMeanProducts"/> as the bands of one raster (<see cref="StorageLayout.Annual"/>): the mean,
/// the per-pixel pair count and disturbed-pair count.
/// </summary>
public sealed class AnnualMeanActivity(IProductStore store) : TaskActivity<AnnualTask, AnnualOutcome>
{
    /// <summary>NDAI rasters in flight at once: hides the read round trips, holds at most this many rasters.</summary>
    private const int ReadAhead = 4;

    public override async Task<AnnualOutcome> RunAsync(TaskActivityContext context, AnnualTask input)
    {
        if (input.PairIds.Count == 0) return new AnnualOutcome(input.Year, 0, 0, null);
        var stack = await StackAsync(store, input.Scope);
        var (outcome, writes) = await YearAsync(store, stack, input.Year, input.PairIds);
        await writes;
        return outcome;
    }

    /// <summary>What every year of an asset shares: its names, stable mask, grid and <see cref="DisturbanceLevel"/>.</summary>
    internal sealed record Stack(string Asset, string Key, int Pixels, GridSpec Grid, double Level);

    /// <summary>Reads the stack's stable mask and time-mean coherence once, for the disturbance level of every year.</summary>
    internal static async Task<Stack> StackAsync(IProductStore store, AssetScope scope)
    {
        var (asset, key) = (scope.AssetId, SettingsFingerprint.Of(scope.Settings));
        var (mask, mean, grid) = await store.ReadStableAsync(asset, key);
        var level = DisturbanceLevel.OfStack(mask, mean, scope.Settings.Window().Looks)
            ?? throw new InvalidDataException($"Asset '{asset}' has accepted pairs but no stable pixel.");
        return new Stack(asset, key, mask.Length, grid, level);
    }

    /// <summary>
    /// One year's mean from its accepted pairs (<paramref name="pairIds"/>, at least one), and its product's write,
    /// started, not awaited: the caller awaits it (and may start the next year's reads meanwhile).
    /// </summary>
    internal static async Task<(AnnualOutcome Outcome, Task Writes)> YearAsync(IProductStore store, Stack stack, int year, IReadOnlyList<string> pairIds)
    {
        var (asset, key, grid, ct) = (stack.Asset, stack.Key, stack.Grid, ActivityCancellation.Token);
        var accumulator = new AnnualMeanAccumulator(stack.Pixels, stack.Level);
        // The next few rasters are read while one is added (a round trip each), but they are added in pair order:
        // the sums, and so the mean's bits, do not depend on which read came back first.
        var i = 0;
        foreach (var read in Activities.ReadAhead.InOrder(0, pairIds.Count, ReadAhead, k => ReadNdaiAsync(store, asset, key, pairIds[k])))
        {
            var (ndai, pairGrid) = await read;
            GridCheck.EnsureSameGrid(grid, "stable mask", pairGrid, pairIds[i++]);
            accumulator.Add(ndai);
        }
        var products = AnnualMeanProducts.Of(accumulator);
        var writes = store.WriteFloat32BandsAsync(StorageLayout.Annual(asset, key, year), [products.Mean, products.PairCounts, products.DisturbedCounts], grid, ct);
        return (new AnnualOutcome(year, pairIds.Count, products.ValidPixels, products.SpatialMean), writes);
    }

    private static Task<(float[] Pixels, GridSpec Grid)> ReadNdaiAsync(IProductStore store, string asset, string key, string pairId)
    {
        var (reference, secondary) = StorageLayout.ParsePairId(pairId);
        return store.ReadFloat32Async(StoreArea.Products, StorageLayout.Ndai(asset, key, reference, secondary), ActivityCancellation.Token);
    }
}
