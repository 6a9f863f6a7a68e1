using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Annual mean NDAI of one year (METHOD.md §1.4): reads the accepted pairs' NDAI rasters a few ahead and adds
/// them in pair order into <see cref="AnnualMeanAccumulator"/>, at the asset's <see cref="DisturbanceLevel"/> (METHOD.md §3),
/// and writes the <see cref="AnnualMeanProducts"/>: the mean, the per-pixel pair count and disturbed-pair count.
/// </summary>
public sealed class AnnualMeanActivity(IProductStore store) : TaskActivity<AnnualTask, AnnualOutcome>
{
    /// <summary>NDAI rasters in flight at once: hides the read round trips, holds at most this many rasters.</summary>
    private const int ReadAhead = 4;

    public override async Task<AnnualOutcome> RunAsync(TaskActivityContext context, AnnualTask input)
    {
        if (input.PairIds.Count == 0) return new AnnualOutcome(input.Year, 0, 0, null);
        var (asset, key, ct) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), ActivityCancellation.Token);
        var (mask, mean, grid) = await store.ReadStableAsync(asset, key);
        var level = DisturbanceLevel.OfStack(mask, mean, input.Scope.Settings.Window().Looks)
            ?? throw new InvalidDataException($"Asset '{asset}' has accepted pairs but no stable pixel.");

        var accumulator = new AnnualMeanAccumulator(mask.Length, level);
        // The next few rasters are read while one is added (a round trip each), but they are added in pair order:
        // the sums, and so the mean's bits, do not depend on which read came back first.
        var reads = new Queue<(string PairId, Task<(float[] Pixels, GridSpec Grid)> Read)>();
        var next = 0;
        for (var i = 0; i < input.PairIds.Count; i++)
        {
            for (; next < input.PairIds.Count && reads.Count < ReadAhead; next++)
            {
                var (reference, secondary) = StorageLayout.ParsePairId(input.PairIds[next]);
                reads.Enqueue((input.PairIds[next], store.ReadFloat32Async(StoreArea.Products, StorageLayout.Ndai(asset, key, reference, secondary), ct)));
            }
            var (pairId, read) = reads.Dequeue();
            var (ndai, pairGrid) = await read;
            GridCheck.EnsureSameGrid(grid, "stable mask", pairGrid, pairId);
            accumulator.Add(ndai);
        }
        var products = AnnualMeanProducts.Of(accumulator);
        await Task.WhenAll(
            store.WriteFloat32Async(StorageLayout.Annual(asset, key, input.Year), products.Mean, grid, ct),
            store.WriteFloat32Async(StorageLayout.AnnualCount(asset, key, input.Year), products.PairCounts, grid, ct),
            store.WriteFloat32Async(StorageLayout.AnnualDisturbed(asset, key, input.Year), products.DisturbedCounts, grid, ct));
        return new AnnualOutcome(input.Year, input.PairIds.Count, products.ValidPixels, products.SpatialMean);
    }
}
