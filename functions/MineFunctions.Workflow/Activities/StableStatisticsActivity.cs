using Microsoft.DurableTask;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Stable points of the asset's stack (METHOD.md §1.3): per-pixel time mean and standard deviation
/// streamed pair by pair (one raster in memory at a time), then the stable mask by thresholds.
/// Writes the mask, mean and std rasters; every pair must share the first pair's grid. A pair whose
/// raster cannot be read is left out of the statistics and recorded in PairResults with the file and
/// GDAL's reason; the summary lists it so the orchestrator leaves it out of NDAI too. The pairs are
/// read from the asset's stored list (less those the orchestrator left out), not from the input.
/// </summary>
public sealed class StableStatisticsActivity(PipelineStorage storage) : TaskActivity<StableTask, StableSummary>
{
    public override async Task<StableSummary> RunAsync(TaskActivityContext context, StableTask input)
    {
        var leftOut = input.LeftOut.ToHashSet(StringComparer.Ordinal);
        var pairs = (await StoredLists.ReadAsync<PairWork>(storage.Products, input.PairsBlob)).Where(p => !leftOut.Contains(p.PairId)).ToList();
        if (pairs.Count == 0) return new StableSummary(0, 0, 0);
        var key = PipelineStorage.KeyOf(input.Scope.Settings);
        PixelStatistics? stats = null;
        GridSpec? grid = null;
        string? firstName = null;
        var unreadable = new List<PairExclusion>();
        foreach (var pair in pairs)
        {
            float[] pixels;
            GridSpec pairGrid;
            try
            {
                (pixels, pairGrid, _) = await PairCoherence.ReadAsync(storage, input.Scope, pair);
            }
            catch (UnreadablePairException ex)
            {
                await PairRows.RecordAsync(storage, input.Scope, pair, ex);
                unreadable.Add(new PairExclusion(pair.PairId,
                    unreadable.Count < StableSummary.ExplainedUnreadable ? PairRows.Summary(ex) : StableSummary.UnreadableSeeTable));
                continue;
            }
            if (grid is null)
            {
                (grid, firstName) = (pairGrid, pair.PairId);
                stats = new PixelStatistics(pixels.Length);
            }
            else
            {
                GridCheck.EnsureSameGrid(grid, firstName!, pairGrid, pair.PairId);
            }
            stats!.Add(pixels);
        }

        if (stats is null) return new StableSummary(0, 0, 0, unreadable);
        var mask = StableMask.FromStatistics(stats, input.Scope.Settings.Stable());
        var maskBytes = new byte[mask.Length];
        for (var i = 0; i < maskBytes.Length; i++) maskBytes[i] = mask[i] ? (byte)1 : (byte)0;
        var mean = new float[stats.Pixels];
        var std = new float[stats.Pixels];
        stats.CopyMeans(mean);
        stats.CopyStandardDeviations(std);
        var asset = input.Scope.AssetId;
        await RasterBlobs.WriteByteAsync(storage.Products, WorkflowProducts.StableMask(asset, key), [maskBytes], grid!, null, cloudOptimised: false, ActivityCancellation.Token);
        await RasterBlobs.WriteFloat32Async(storage.Products, WorkflowProducts.StableMean(asset, key), mean, grid!, ActivityCancellation.Token);
        await RasterBlobs.WriteFloat32Async(storage.Products, WorkflowProducts.StableStd(asset, key), std, grid!, ActivityCancellation.Token);

        long valid = 0;
        foreach (var c in stats.Counts) if (c > 0) valid++;
        return new StableSummary(mask.Count, valid, pairs.Count - unreadable.Count, unreadable);
    }
}
