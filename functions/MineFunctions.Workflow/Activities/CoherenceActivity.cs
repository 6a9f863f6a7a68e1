using MineFunctions.Core.Coherence;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Coherence of one coregistered SLC pair (METHOD.md §1.2) with the Core estimator; the two
/// rasters must share their grid. Writes the pair's coherence product (deterministic name). An acquisition
/// deleted or replaced since discovery is a recorded failure of the pair (<see cref="UnreadablePairException.ForChangedInput"/>).
/// </summary>
public sealed class CoherenceActivity(IProductStore store) : TaskActivity<PairTask, CoherenceOutcome>
{
    public override async Task<CoherenceOutcome> RunAsync(TaskActivityContext context, PairTask input)
    {
        var (scope, pair) = (input.Scope, input.Pair);
        float[] reference, secondary;
        GridSpec grid;
        try
        {
            (reference, secondary, grid) = await PairCoherence.ReadSlcAsync(store, scope.AssetId, pair);
        }
        catch (UnreadablePairException ex)
        {
            // An acquisition deleted or replaced since discovery: a recorded failure of this pair, not of the asset.
            await PairRows.RecordAsync(store, scope, pair, ex);
            return new CoherenceOutcome(pair.PairId, false, 0, PairRows.Summary(ex));
        }

        var coherence = new float[grid.Width * grid.Height];
        CoherenceEstimator.Estimate(reference, secondary, grid.Width, grid.Height, scope.Settings.Window(), coherence);
        var counts = CoherenceValidation.Sanitize(coherence);
        var blob = StorageLayout.Coherence(scope.AssetId, SettingsFingerprint.Of(scope.Settings), pair.Reference, pair.Secondary);
        await store.WriteFloat32Async(blob, coherence, grid, ActivityCancellation.Token);
        return new CoherenceOutcome(pair.PairId, true, counts.Rejected, null);
    }
}
