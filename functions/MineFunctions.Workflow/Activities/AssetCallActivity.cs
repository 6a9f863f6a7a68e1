using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// A small asset in one call (<see cref="PipelineSettings.AssetCallPixels"/>): discovery, stable points, then the same
/// <see cref="AssetFlow"/> the asset's orchestration runs a call a stage, every stage by its own activity's code, so
/// products, rows and outcome are the same bit for bit. The stages share a <see cref="CallMemoStore"/>: what one writes
/// the next reads from memory. It stops after discovery for SLC input or more than <see cref="AnnualBatchTask.MaxPairs"/>
/// pairs, and after stable points for rasters too large for the budget, and says how far it went
/// (<see cref="AssetCallResult"/>); an asset it finishes gets its Runs row here. NDAI takes every pair in one <see cref="NdaiBatchActivity"/> pass (a pair it cannot
/// read is a failed outcome, as there); any other failure fails the call, and the orchestration then runs the stages a
/// call each, where a failure is recorded against its pair or stage. The call is the asset's whole work in
/// <see cref="RefreshChunkOrchestrator"/>: no asset orchestration, no separate Runs-row call (docs/SCALE.md).
/// </summary>
public sealed class AssetCallActivity(IProductStore store) : TaskActivity<AssetCallTask, AssetCallResult>
{
    public override async Task<AssetCallResult> RunAsync(TaskActivityContext context, AssetCallTask input)
    {
        var scope = input.Scope;
        // An asset refreshed before (it has a stable checkpoint) finds its products there: compare before writing. The look
        // goes through the memo, which answers the stable stage's own look at the checkpoint with it.
        var memo = new CallMemoStore(store, MemoBytes(scope.Settings));
        var (asset, key) = (AssetIds.Check(scope.AssetId), SettingsFingerprint.Of(scope.Settings));
        memo.Rewrite = await memo.GetAsync(StoreArea.Products, StorageLayout.StableState(asset, key), ActivityCancellation.Token) is not null;
        // The pair list is read by the stages in this call, and by the asset's orchestration only when the call hands the
        // asset on: it is written then, and an asset the call finishes costs no write for it (one whose call fails starts
        // over with discovery, which writes its own).
        memo.Hold(StorageLayout.PairList(asset, key, scope.RunId));
        var inventory = await new DiscoverAssetActivity(memo).RunAsync(context, scope);
        if (inventory.PairCount == 0) return await RecordedAsync(input, AssetOrchestrator.NoPairs(inventory));
        var pairs = await StoredLists.ReadAsync<PairWork>(memo, inventory.PairsBlob, ActivityCancellation.Token);
        if (pairs.Count > AnnualBatchTask.MaxPairs || pairs.Any(p => p.FromSlc)) return await HandedOnAsync(memo, new AssetCallResult(null, inventory, null));

        var stable = await new StableStatisticsActivity(memo).RunAsync(context, new StableTask(scope, inventory.PairsBlob, []));
        if (!AssetCallResult.Fits(scope.Settings, stable.GridPixels, pairs.Count))
            return await HandedOnAsync(memo, new AssetCallResult(null, inventory with { FirstPage = new PairPage(0, []) }, stable));
        return await RecordedAsync(input, await AssetFlow.RunAsync(new Stages(memo, context, scope), scope, pairs, pairs.Count, stable));
    }

    /// <summary>
    /// What the call keeps in memory at most: 64 bytes a pixel of the budget (at the default, 64 MiB), room for every
    /// product and input raster of an asset that fits (float rasters of 4 bytes a pixel, a few per pair and year).
    /// </summary>
    internal static long MemoBytes(PipelineSettings settings) => 64 * settings.AssetCallPixels;

    /// <summary>An asset handed on to its orchestration, with the blobs the call held back (its pair list) written for it.</summary>
    private static async Task<AssetCallResult> HandedOnAsync(CallMemoStore memo, AssetCallResult result)
    {
        await memo.WriteHeldAsync(ActivityCancellation.Token);
        return result;
    }

    /// <summary>The asset's Runs row, written here: the run's chunk then has no row of its own to file for it.</summary>
    private async Task<AssetCallResult> RecordedAsync(AssetCallTask input, AssetOutcome outcome)
    {
        await store.UpsertAsync(RecordRunActivity.Row(input.Scope.RunId, input.Trigger, input.Scope.Settings, outcome), ActivityCancellation.Token);
        return new AssetCallResult(outcome, null, null);
    }

    /// <summary>Each stage by its activity's code, in this call.</summary>
    private sealed class Stages(IProductStore store, TaskActivityContext context, AssetScope scope) : IAssetStages
    {
        public async Task<IReadOnlyList<PairOutcome>> NdaiAsync(IReadOnlyList<PairWork> pairs, long gridPixels, Action<int> onDone) =>
            pairs.Count == 0 ? [] : await new NdaiBatchActivity(store).RunAsync(context, new PairBatchTask(scope, pairs));

        public Task CommitAsync(NdaiCommitTask task) => new NdaiCommitActivity(store).RunAsync(context, task);

        public async Task<IReadOnlyList<AnnualOutcome>> AnnualMeansAsync(IReadOnlyList<AnnualYear> years, long gridPixels) =>
            await new AnnualMeanBatchActivity(store).RunAsync(context, new AnnualBatchTask(scope, years));

        public async Task<IReadOnlyList<WindowOutcome>> CompositesAsync(IReadOnlyList<int> firstYears)
        {
            var composite = new CompositeActivity(store);
            return await Task.WhenAll(firstYears.Select(y => composite.RunAsync(context, new WindowTask(scope, y))));
        }

        public Task AreaAsync(AssetAreaTask task) => new AssetAreaActivity(store).RunAsync(context, task);

        public void Report(string stage, int pairsDone, int pairsTotal)
        {
            // One call has no progress to show between its stages.
        }
    }
}
