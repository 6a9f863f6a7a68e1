using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Stable points of the asset's stack (METHOD.md §1.3): takes the pairs' coherence one at a time into a
/// <see cref="StableStack"/>, read a few ahead (every pair on the first pair's grid; an unreadable pair is recorded in PairResults
/// with the file and GDAL's reason, and listed so the orchestrator leaves it out of NDAI too), runs
/// <see cref="StableStage"/> and writes the mask, mean and std as the bands of one raster (<see cref="StorageLayout.StablePoints"/>). The pairs are the asset's stored list
/// less those the orchestrator left out.
/// Incremental refresh (docs/ARCHITECTURE.md): the statistics are kept in a <see cref="StableCheckpoint"/>.
/// When its pairs, at the same blob versions, are the first pairs of this run's list, only the pairs
/// after them are read and added, in the same order a run from scratch adds them, so the statistics are
/// the same bit for bit; otherwise every pair is read again. When the mask then hashes as before, the
/// summary names the pairs whose NDAI outcome the last finished NDAI stage left valid (<see cref="PairReuse"/>).
/// </summary>
public sealed class StableStatisticsActivity(IProductStore store) : TaskActivity<StableTask, StableSummary>
{
    public override async Task<StableSummary> RunAsync(TaskActivityContext context, StableTask input)
    {
        var (scope, ct) = (input.Scope, ActivityCancellation.Token);
        var (asset, key) = (scope.AssetId, SettingsFingerprint.Of(scope.Settings));
        var leftOut = input.LeftOut.ToHashSet(StringComparer.Ordinal);
        var pairs = (await StoredLists.ReadAsync<PairWork>(store, input.PairsBlob, ct)).Where(p => !leftOut.Contains(p.PairId)).ToList();
        if (pairs.Count == 0) return new StableSummary(0, 0, 0);

        var versions = new List<CheckpointPair>(pairs.Count);
        foreach (var pair in pairs) versions.Add(await PairCoherence.VersionAsync(store, scope, pair));
        var previous = await StableState.ReadCheckpointAsync(store, asset, key);
        var stack = new StableStack(store, scope);
        var resumed = await stack.ResumeAsync(previous, pairs, versions);
        await stack.AddFromAsync(resumed, pairs, versions);
        if (stack.Statistics is not { } statistics || stack.Grid is not { } grid) return new StableSummary(0, 0, 0, stack.Unreadable);

        var products = StableStage.Finish(statistics, scope.Settings.Stable());
        var maskSha = StableCheckpoint.Sha256Of(products.MaskBytes);
        var reuse = resumed > 0 ? await PairReuse.FindAsync(store, scope, previous!, maskSha, pairs, resumed) : null;
        await store.WriteFloat32BandsAsync(StorageLayout.StablePoints(asset, key), [[.. products.MaskBytes.Select(b => (float)b)], products.Mean, products.Std], grid, ct);
        // The NDAI stage's commit names this generation: the checkpoint whose pairs it finished.
        var checkpoint = StableCheckpoint.Of(maskSha, grid, stack.Taken, statistics.Save());
        await store.WriteAsync(StorageLayout.StableState(asset, key), checkpoint.ToBytes(), "application/octet-stream", ct);
        return new StableSummary(products.Mask.Count, products.ValidPixels, pairs.Count - stack.Unreadable.Count, stack.Unreadable)
        {
            Generation = checkpoint.Generation,
            MaskSha256 = maskSha,
            Reuse = reuse,
            ResumedPairs = resumed,
            GridPixels = stack.Grid.PixelCount,
        };
    }
}
