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
/// Incremental refresh (docs/ARCHITECTURE.md): the statistics are kept in a <see cref="StableCheckpoint"/>.
/// When its pairs, at the same blob versions, are the first pairs of this run's list, only the pairs
/// after them are read and added, in the same order a run from scratch adds them, so the statistics are
/// the same bit for bit; otherwise every pair is read again. When the mask then hashes as before, the
/// summary names the pairs whose NDAI outcome the last finished NDAI stage left valid (<see cref="PairReuse"/>).
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
        var (asset, key, ct) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), ActivityCancellation.Token);

        // A user's raster has the version discovery pinned (every read of it is conditional on that ETag); only an
        // SLC pair's coherence product is asked for its version, before its pixels: one replaced in between looks
        // changed next time, never the reverse.
        var versions = new List<CheckpointPair>(pairs.Count);
        foreach (var pair in pairs)
        {
            var (area, blob) = PairCoherence.SourceOf(input.Scope, pair);
            var eTag = !pair.FromSlc && pair.InputETag is { } pinned ? pinned : (await store.GetAsync(area, blob, ct))?.ETag;
            versions.Add(new CheckpointPair(pair.PairId, blob, eTag, null));
        }
        var previous = await PairReuse.ReadCheckpointAsync(store, asset, key);
        var resumed = previous?.PrefixOf(versions) ?? -1;
        var restored = resumed > 0 ? Restore(previous!) : null;

        PixelStatistics? stats = null;
        (GridSpec Grid, string PairId)? first = null;
        var taken = new List<CheckpointPair>(pairs.Count);
        var unreadable = new List<PairExclusion>();
        if (restored is not null && previous is not null)
        {
            stats = restored;
            first = (previous.Grid, previous.Pairs.First(p => p.Unreadable is null).PairId);
            for (var i = 0; i < resumed; i++)
            {
                taken.Add(previous.Pairs[i]);
                if (previous.Pairs[i].Unreadable is not { } reason) continue;
                // The same blob at the same version: as unreadable as it was, with the row a fresh read would write.
                await store.UpsertAsync(PairRows.Row(input.Scope, pairs[i], 0, null, null, false, reason, null), ct);
                unreadable.Add(new PairExclusion(pairs[i].PairId, unreadable.Count < StableSummary.ExplainedUnreadable ? reason : StableSummary.UnreadableSeeTable));
            }
        }
        else
        {
            resumed = 0;
        }
        for (var i = resumed; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            try
            {
                var (pixels, grid, _) = await PairCoherence.ReadAsync(store, input.Scope, pair);
                if (first is { } f) GridCheck.EnsureSameGrid(f.Grid, f.PairId, grid, pair.PairId);
                first ??= (grid, pair.PairId);
                (stats ??= new PixelStatistics(pixels.Length)).Add(pixels);
                taken.Add(versions[i]);
            }
            catch (UnreadablePairException ex)
            {
                await PairRows.RecordAsync(store, input.Scope, pair, ex);
                taken.Add(versions[i] with { Unreadable = PairRows.Summary(ex) });
                unreadable.Add(new PairExclusion(pair.PairId,
                    unreadable.Count < StableSummary.ExplainedUnreadable ? PairRows.Summary(ex) : StableSummary.UnreadableSeeTable));
            }
        }
        if (stats is null || first is not { } stack) return new StableSummary(0, 0, 0, unreadable);

        var products = StableStage.Finish(stats, input.Scope.Settings.Stable());
        var maskSha = StableCheckpoint.Sha256Of(products.MaskBytes);
        var reuse = restored is not null ? await PairReuse.FindAsync(store, input.Scope, previous!, maskSha, pairs, resumed) : null;
        await store.WriteByteAsync(StorageLayout.StableMask(asset, key), [products.MaskBytes], stack.Grid, null, cloudOptimised: false, ct);
        await store.WriteFloat32Async(StorageLayout.StableMean(asset, key), products.Mean, stack.Grid, ct);
        await store.WriteFloat32Async(StorageLayout.StableStd(asset, key), products.Std, stack.Grid, ct);
        // The NDAI stage's commit names this generation: the checkpoint whose pairs it finished.
        var checkpoint = StableCheckpoint.Of(maskSha, stack.Grid, taken, stats.Save());
        await store.WriteAsync(StorageLayout.StableState(asset, key), checkpoint.ToBytes(), "application/octet-stream", ct);
        return new StableSummary(products.Mask.Count, products.ValidPixels, pairs.Count - unreadable.Count, unreadable)
        {
            Generation = checkpoint.Generation,
            MaskSha256 = maskSha,
            Reuse = reuse,
            ResumedPairs = resumed,
            GridPixels = stack.Grid.PixelCount,
        };
    }

    /// <summary>The checkpoint's statistics; null (start over) when its state does not fit its grid or is not a saved state.</summary>
    private static PixelStatistics? Restore(StableCheckpoint checkpoint)
    {
        try
        {
            var stats = PixelStatistics.Restore(checkpoint.State);
            return stats.Pixels == checkpoint.Grid.PixelCount && checkpoint.Pairs.Any(p => p.Unreadable is null) ? stats : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
