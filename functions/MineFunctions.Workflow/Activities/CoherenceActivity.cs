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
        var (asset, key, pair) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), input.Pair);
        var referenceName = StorageLayout.SlcRaster(asset, pair.Reference);
        var secondaryName = StorageLayout.SlcRaster(asset, pair.Secondary);
        float[] reference, secondary;
        GridSpec grid, secondaryGrid;
        var reading = referenceName;
        try
        {
            (reference, grid) = await store.ReadInputComplex64Async(referenceName, pair.InputETag, ActivityCancellation.Token);
            reading = secondaryName;
            (secondary, secondaryGrid) = await store.ReadInputComplex64Async(secondaryName, pair.SecondaryETag, ActivityCancellation.Token);
        }
        catch (Azure.RequestFailedException ex) when (UnreadablePairException.ForChangedInput(reading, ex) is { } changed)
        {
            // An acquisition deleted or replaced since discovery: a recorded failure of this pair, not of the asset.
            await PairRows.RecordAsync(store, input.Scope, pair, changed);
            return new CoherenceOutcome(pair.PairId, false, 0, PairRows.Summary(changed));
        }
        GridCheck.EnsureSameGrid(grid, referenceName, secondaryGrid, secondaryName);

        var coherence = new float[grid.Width * grid.Height];
        CoherenceEstimator.Estimate(reference, secondary, grid.Width, grid.Height, input.Scope.Settings.Window(), coherence);
        var counts = CoherenceValidation.Sanitize(coherence);
        await store.WriteFloat32Async(StorageLayout.Coherence(asset, key, pair.Reference, pair.Secondary), coherence, grid, ActivityCancellation.Token);
        return new CoherenceOutcome(pair.PairId, true, counts.Rejected, null);
    }
}
