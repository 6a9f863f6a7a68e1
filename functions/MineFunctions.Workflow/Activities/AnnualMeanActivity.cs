using Microsoft.DurableTask;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Annual mean NDAI of one year (METHOD.md §1.4): the accepted pairs' NDAI rasters streamed into a
/// per-pixel sum and count (one raster in memory at a time). Writes the mean, the per-pixel count of
/// contributing pairs and the count of those in which the pixel was disturbed (NDAI above the
/// asset's <see cref="DisturbanceLevel"/>, from its stable pixels' coherence and the window's looks;
/// the adaptive rule's input, METHOD.md §3).
/// </summary>
public sealed class AnnualMeanActivity(PipelineStorage storage) : TaskActivity<AnnualTask, AnnualOutcome>
{
    public override async Task<AnnualOutcome> RunAsync(TaskActivityContext context, AnnualTask input)
    {
        var (asset, key) = (input.Scope.AssetId, PipelineStorage.KeyOf(input.Scope.Settings));
        AnnualMeanAccumulator? accumulator = null;
        GridSpec? grid = null;
        var level = input.PairIds.Count == 0 ? double.NaN : await DisturbanceLevelAsync(input.Scope, key);
        foreach (var pairId in input.PairIds)
        {
            var (reference, secondary) = ParsePairId(pairId);
            var (ndai, pairGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, ProductLayout.Ndai(asset, key, reference, secondary), storage.ReadOptions, ActivityCancellation.Token);
            if (grid is null)
            {
                grid = pairGrid;
                accumulator = new AnnualMeanAccumulator(ndai.Length, level);
            }
            else
            {
                GridCheck.EnsureSameGrid(grid, input.PairIds[0], pairGrid, pairId);
            }
            accumulator!.Add(ndai);
        }
        if (accumulator is null || grid is null) return new AnnualOutcome(input.Year, 0, 0, null);

        var mean = accumulator.Mean();
        var counts = new float[mean.Length];
        var disturbed = new float[mean.Length];
        var spatial = 0.0;
        long valid = 0;
        for (var i = 0; i < mean.Length; i++)
        {
            counts[i] = accumulator.Counts[i];
            disturbed[i] = accumulator.Disturbed[i];
            if (float.IsNaN(mean[i])) continue;
            spatial += mean[i];
            valid++;
        }
        await RasterBlobs.WriteFloat32Async(storage.Products, ProductLayout.Annual(asset, key, input.Year), mean, grid, ActivityCancellation.Token);
        await RasterBlobs.WriteFloat32Async(storage.Products, WorkflowProducts.AnnualCount(asset, key, input.Year), counts, grid, ActivityCancellation.Token);
        await RasterBlobs.WriteFloat32Async(storage.Products, WorkflowProducts.AnnualDisturbed(asset, key, input.Year), disturbed, grid, ActivityCancellation.Token);
        return new AnnualOutcome(input.Year, input.PairIds.Count, valid, valid == 0 ? null : spatial / valid);
    }

    /// <summary>The per-pair NDAI above which a pixel counts as disturbed, from the stable mask and time mean.</summary>
    private async Task<double> DisturbanceLevelAsync(AssetScope scope, string key)
    {
        var (mask, maskGrid) = await RasterBlobs.ReadByteAsync(storage.Products, WorkflowProducts.StableMask(scope.AssetId, key), storage.ReadOptions, ActivityCancellation.Token);
        var (mean, meanGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, WorkflowProducts.StableMean(scope.AssetId, key), storage.ReadOptions, ActivityCancellation.Token);
        GridCheck.EnsureSameGrid(maskGrid, "stable mask", meanGrid, "stable mean");
        var coherence = DisturbanceLevel.StableCoherence(mask, mean)
            ?? throw new InvalidDataException($"Asset '{scope.AssetId}' has accepted pairs but no stable pixel.");
        return DisturbanceLevel.Of(coherence, scope.Settings.Window().Looks);
    }

    /// <summary>Pair ids are "yyyyMMdd_yyyyMMdd" (<see cref="ProductLayout.PairId"/>).</summary>
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
