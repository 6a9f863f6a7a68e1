using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Stable points of the asset's stack (METHOD.md §1.3): reads the pairs' coherence one at a time into
/// <see cref="PixelStatistics"/> (every pair on the first pair's grid), runs <see cref="StableStage"/>
/// and writes the mask, mean and std rasters. A pair whose raster cannot be read is left out and
/// recorded in PairResults with the file and GDAL's reason; the summary lists it so the orchestrator
/// leaves it out of NDAI too. The pairs are read from the asset's stored list (less those the
/// orchestrator left out), not from the input.
/// </summary>
public sealed class StableStatisticsActivity(IProductStore store) : TaskActivity<StableTask, StableSummary>
{
    [ActivatorUtilitiesConstructor]
    public StableStatisticsActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<StableSummary> RunAsync(TaskActivityContext context, StableTask input)
    {
        var leftOut = input.LeftOut.ToHashSet(StringComparer.Ordinal);
        var pairs = (await StoredLists.ReadAsync<PairWork>(store, input.PairsBlob, ActivityCancellation.Token)).Where(p => !leftOut.Contains(p.PairId)).ToList();
        if (pairs.Count == 0) return new StableSummary(0, 0, 0);
        PixelStatistics? stats = null;
        (GridSpec Grid, string PairId)? first = null;
        var unreadable = new List<PairExclusion>();
        foreach (var pair in pairs)
        {
            try
            {
                var (pixels, grid, _) = await PairCoherence.ReadAsync(store, input.Scope, pair);
                if (first is { } f) GridCheck.EnsureSameGrid(f.Grid, f.PairId, grid, pair.PairId);
                first ??= (grid, pair.PairId);
                (stats ??= new PixelStatistics(pixels.Length)).Add(pixels);
            }
            catch (UnreadablePairException ex)
            {
                await PairRows.RecordAsync(store, input.Scope, pair, ex);
                unreadable.Add(new PairExclusion(pair.PairId,
                    unreadable.Count < StableSummary.ExplainedUnreadable ? PairRows.Summary(ex) : StableSummary.UnreadableSeeTable));
            }
        }
        if (stats is null || first is not { } stack) return new StableSummary(0, 0, 0, unreadable);

        var products = StableStage.Finish(stats, input.Scope.Settings.Stable());
        var (asset, key, ct) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), ActivityCancellation.Token);
        await store.WriteByteAsync(StorageLayout.StableMask(asset, key), [products.MaskBytes], stack.Grid, null, cloudOptimised: false, ct);
        await store.WriteFloat32Async(StorageLayout.StableMean(asset, key), products.Mean, stack.Grid, ct);
        await store.WriteFloat32Async(StorageLayout.StableStd(asset, key), products.Std, stack.Grid, ct);
        return new StableSummary(products.Mask.Count, products.ValidPixels, pairs.Count - unreadable.Count, unreadable);
    }
}
