using MineFunctions.Core.Composite;

namespace MineFunctions.Workflow.Activities;

/// <summary>What <see cref="CompositeActivity"/> reads of one 3-year window: the years' products, all on one grid.</summary>
internal static class WindowReads
{
    /// <summary>
    /// The window's three annual rasters (<see cref="StorageLayout.Annual"/>), all on the first year's grid: one read a year
    /// for the means and, <paramref name="withCounts"/> (the adaptive rule), the pair and disturbed-pair counts; without,
    /// only the mean band is decoded.
    /// </summary>
    public static async Task<AnnualWindow> ReadAnnualWindowAsync(this IProductStore store, string asset, string key, int first, bool withCounts)
    {
        var reads = Enumerable.Range(0, 3).Select(async i =>
        {
            var name = StorageLayout.Annual(asset, key, first + i);
            if (withCounts) return await store.ReadFloat32BandsAsync(StoreArea.Products, name, ActivityCancellation.Token);
            var (mean, meanGrid) = await store.ReadFloat32Async(StoreArea.Products, name, ActivityCancellation.Token);
            return (new[] { mean }, meanGrid);
        }).ToList();
        var bands = new float[3][][];
        GridSpec? grid = null;
        for (var i = 0; i < 3; i++)
        {
            var (yearBands, yearGrid) = await reads[i];
            if (grid is null) grid = yearGrid;
            else GridCheck.EnsureSameGrid(grid, $"annual {first}", yearGrid, $"annual {first + i}");
            bands[i] = yearBands;
        }
        return new AnnualWindow(first, bands, grid!);
    }

    /// <summary>The adaptive rule's inputs (METHOD.md §3), from the years' count bands and the stack's stable mask and mean.</summary>
    public static async Task<AdaptiveInputs> ReadAdaptiveInputsAsync(this IProductStore store, AssetScope scope, string key, AnnualWindow annual)
    {
        var asset = scope.AssetId;
        // Independent reads, in flight together.
        var pairsRead = annual.CountsAsync(store, 1, y => StorageLayout.AnnualCount(asset, key, y), "pair counts");
        var disturbedRead = annual.CountsAsync(store, 2, y => StorageLayout.AnnualDisturbed(asset, key, y), "disturbed counts");
        var stableRead = store.ReadStableAsync(asset, key);
        var pairs = await pairsRead;
        var disturbed = await disturbedRead;
        var (mask, stableMean, maskGrid) = await stableRead;
        GridCheck.EnsureSameGrid(annual.Grid, $"annual {annual.First}", maskGrid, "stable mask");
        return AdaptiveInputs.FromStack(annual.Means, pairs, disturbed, mask, stableMean, scope.Settings.Window(), annual.Grid.Width)
            ?? throw new InvalidDataException($"Asset '{asset}' has no stable pixel: the adaptive rule has no background (use ClassRule hsv or threshold, or check the stable thresholds).");
    }
}

/// <summary>A window's three years of annual bands (<see cref="WindowReads.ReadAnnualWindowAsync"/>), oldest first, on <paramref name="Grid"/>.</summary>
internal sealed record AnnualWindow(int First, float[][][] Bands, GridSpec Grid)
{
    /// <summary>Each year's mean NDAI (band 1).</summary>
    public float[][] Means { get; } = [.. Bands.Select(y => y[0])];

    /// <summary>
    /// Each year's band <paramref name="band"/> (0-based); a year whose raster has only its mean was written by a build
    /// before 2026-12-07, which kept the counts in a raster of their own (<paramref name="legacyName"/>): read there.
    /// </summary>
    public async Task<float[][]> CountsAsync(IProductStore store, int band, Func<int, string> legacyName, string what)
    {
        var years = new float[3][];
        for (var i = 0; i < 3; i++)
        {
            if (Bands[i].Length > band)
            {
                years[i] = Bands[i][band];
                continue;
            }
            var (pixels, grid) = await store.ReadFloat32Async(StoreArea.Products, legacyName(First + i), ActivityCancellation.Token);
            GridCheck.EnsureSameGrid(Grid, $"annual {First}", grid, $"{what} {First + i}");
            years[i] = pixels;
        }
        return years;
    }
}
