using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Annual mean NDAI of one year (METHOD.md §1.4): reads the accepted pairs' NDAI rasters one at a time
/// into <see cref="AnnualMeanAccumulator"/>, at the asset's <see cref="DisturbanceLevel"/> (METHOD.md §3),
/// and writes the <see cref="AnnualMeanProducts"/>: the mean, the per-pixel pair count and disturbed-pair count.
/// </summary>
public sealed class AnnualMeanActivity(IProductStore store) : TaskActivity<AnnualTask, AnnualOutcome>
{
    public override async Task<AnnualOutcome> RunAsync(TaskActivityContext context, AnnualTask input)
    {
        if (input.PairIds.Count == 0) return new AnnualOutcome(input.Year, 0, 0, null);
        var (asset, key, ct) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), ActivityCancellation.Token);
        var (mask, mean, grid) = await store.ReadStableAsync(asset, key);
        var level = DisturbanceLevel.OfStack(mask, mean, input.Scope.Settings.Window().Looks)
            ?? throw new InvalidDataException($"Asset '{asset}' has accepted pairs but no stable pixel.");

        var accumulator = new AnnualMeanAccumulator(mask.Length, level);
        foreach (var pairId in input.PairIds)
        {
            var (reference, secondary) = ParsePairId(pairId);
            var (ndai, pairGrid) = await store.ReadFloat32Async(StoreArea.Products, StorageLayout.Ndai(asset, key, reference, secondary), ct);
            GridCheck.EnsureSameGrid(grid, "stable mask", pairGrid, pairId);
            accumulator.Add(ndai);
        }
        var products = AnnualMeanProducts.Of(accumulator);
        await store.WriteFloat32Async(StorageLayout.Annual(asset, key, input.Year), products.Mean, grid, ct);
        await store.WriteFloat32Async(StorageLayout.AnnualCount(asset, key, input.Year), products.PairCounts, grid, ct);
        await store.WriteFloat32Async(StorageLayout.AnnualDisturbed(asset, key, input.Year), products.DisturbedCounts, grid, ct);
        return new AnnualOutcome(input.Year, input.PairIds.Count, products.ValidPixels, products.SpatialMean);
    }

    /// <summary>Pair ids are "yyyyMMdd_yyyyMMdd" (<see cref="StorageLayout.PairId"/>).</summary>
    internal static (DateOnly Reference, DateOnly Secondary) ParsePairId(string pairId)
    {
        var parts = pairId.Split('_');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var r)
            && DateOnly.TryParseExact(parts[1], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var s))
            return (r, s);
        throw new InvalidDataException($"'{pairId}' is not a pair id (yyyyMMdd_yyyyMMdd).");
    }
}
