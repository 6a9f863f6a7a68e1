using MineFunctions.Core.Composite;

namespace MineFunctions.Workflow.Activities;

/// <summary>What <see cref="CompositeActivity"/> reads of one 3-year window: the years' products, all on one grid.</summary>
internal static class WindowReads
{
    /// <summary>Three consecutive years of one product, all on <paramref name="grid"/> (or the first year's grid when null).</summary>
    public static async Task<(float[][] Years, GridSpec Grid)> ReadYearsAsync(this IProductStore store, int first, Func<int, string> name, string what, GridSpec? grid)
    {
        var years = new float[3][];
        var reads = Enumerable.Range(0, 3).Select(i => store.ReadFloat32Async(StoreArea.Products, name(first + i), ActivityCancellation.Token)).ToList();
        for (var i = 0; i < 3; i++)
        {
            var (pixels, yearGrid) = await reads[i];
            if (grid is null) grid = yearGrid;
            else GridCheck.EnsureSameGrid(grid, $"annual {first}", yearGrid, $"{what} {first + i}");
            years[i] = pixels;
        }
        return (years, grid!);
    }

    /// <summary>The adaptive rule's inputs (METHOD.md §3), from the years' count rasters and the stack's stable mask and mean.</summary>
    public static async Task<AdaptiveInputs> ReadAdaptiveInputsAsync(this IProductStore store, AssetScope scope, string key, int first, float[][] years, GridSpec grid)
    {
        var asset = scope.AssetId;
        // Independent reads, in flight together.
        var pairsRead = store.ReadYearsAsync(first, y => StorageLayout.AnnualCount(asset, key, y), "pair counts", grid);
        var disturbedRead = store.ReadYearsAsync(first, y => StorageLayout.AnnualDisturbed(asset, key, y), "disturbed counts", grid);
        var stableRead = store.ReadStableAsync(asset, key);
        var (pairs, _) = await pairsRead;
        var (disturbed, _) = await disturbedRead;
        var (mask, stableMean, maskGrid) = await stableRead;
        GridCheck.EnsureSameGrid(grid, $"annual {first}", maskGrid, "stable mask");
        return AdaptiveInputs.FromStack(years, pairs, disturbed, mask, stableMean, scope.Settings.Window(), grid.Width)
            ?? throw new InvalidDataException($"Asset '{asset}' has no stable pixel: the adaptive rule has no background (use ClassRule hsv or threshold, or check the stable thresholds).");
    }
}
