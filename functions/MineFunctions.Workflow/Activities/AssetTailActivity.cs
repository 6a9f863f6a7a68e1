using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// A small asset's stages after stable points in one call (<see cref="AssetTailTask.Fits"/>): the same
/// <see cref="AssetFlow"/> its orchestration runs a call a stage, with every stage done by its own activity's code here,
/// so products, rows and outcome are the same bit for bit. NDAI takes every pair in one <see cref="NdaiBatchActivity"/>
/// pass (a pair it cannot read is a failed outcome, as there); any other failure fails the call, and the orchestration
/// then runs the stages a call each, where a failure is recorded against its pair or stage.
/// </summary>
public sealed class AssetTailActivity(IProductStore store) : TaskActivity<AssetTailTask, AssetOutcome>
{
    public override async Task<AssetOutcome> RunAsync(TaskActivityContext context, AssetTailTask input)
    {
        var pairs = await StoredLists.ReadAsync<PairWork>(store, input.PairsBlob, ActivityCancellation.Token);
        // The orchestration decided from its own reading of the list: a list that changed since would not be the asset it sized.
        if (pairs.Count != input.PairCount)
            throw new InvalidOperationException($"{input.PairsBlob} holds {pairs.Count} pairs; the asset's orchestration read {input.PairCount}.");
        return await AssetFlow.RunAsync(new Stages(store, context, input.Scope), input.Scope, pairs, pairs.Count, input.Stable);
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
