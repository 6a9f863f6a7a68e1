using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Several pairs of small rasters in one call (<see cref="PipelineSettings.NdaiBatchPixels"/>): each pair exactly as
/// <see cref="NdaiActivity"/> does it, a few at once, with its own outcome and PairResults row, under one read
/// of the stable mask; the rows go together once every raster is written. A pair whose raster cannot be read is recorded as failed and the others go on; any other
/// failure fails the call, and the orchestrator then runs its pairs one a call (<see cref="NdaiActivity"/>),
/// so that only the pair at fault fails.
/// </summary>
public sealed class NdaiBatchActivity(IProductStore store) : TaskActivity<PairBatchTask, IReadOnlyList<PairOutcome>>
{
    /// <summary>Pairs of the call in flight at once: their reads, writes and rows are round trips that need not wait for one another.</summary>
    private const int PairsAtOnce = 4;

    public override async Task<IReadOnlyList<PairOutcome>> RunAsync(TaskActivityContext context, PairBatchTask input)
    {
        var key = SettingsFingerprint.Of(input.Scope.Settings);
        // Read once, by the first pair to need it (none does when no pair's raster can be read).
        var mask = new Lazy<Task<(StableMask Mask, GridSpec Grid)>>(() => NdaiActivity.ReadMaskAsync(store, input.Scope.AssetId, key));
        var outcomes = new PairOutcome[input.Pairs.Count];
        var rows = new PairResultRow[input.Pairs.Count];
        // Each pair's outcome, raster and row depend on that pair and the mask only, so the order they finish in changes nothing.
        await Parallel.ForEachAsync(Enumerable.Range(0, input.Pairs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PairsAtOnce, CancellationToken = ActivityCancellation.Token },
            async (i, _) => outcomes[i] = await NdaiActivity.RunPairAsync(store, input.Scope, key, input.Pairs[i], () => mask.Value, row =>
            {
                rows[i] = row;
                return Task.CompletedTask;
            }));
        // The rows after every raster they name, in one request for the asset's partition (a rerun compares them one by one).
        await store.UpsertAllAsync(rows, ActivityCancellation.Token);
        return outcomes;
    }
}
