using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow;
using MineFunctions.Core.Coherence;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Coherence of one coregistered SLC pair (METHOD.md §1.2) with the Core estimator; the two
/// rasters must share their grid. Writes the pair's coherence product (deterministic name).
/// </summary>
public sealed class CoherenceActivity(IProductStore store) : TaskActivity<PairTask, CoherenceOutcome>
{
    [ActivatorUtilitiesConstructor]
    public CoherenceActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<CoherenceOutcome> RunAsync(TaskActivityContext context, PairTask input)
    {
        var (asset, key, pair) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), input.Pair);
        var referenceName = StorageLayout.SlcRaster(asset, pair.Reference);
        var secondaryName = StorageLayout.SlcRaster(asset, pair.Secondary);
        var (reference, grid) = await store.ReadComplex64Async(StoreArea.Inputs, referenceName, ActivityCancellation.Token);
        var (secondary, secondaryGrid) = await store.ReadComplex64Async(StoreArea.Inputs, secondaryName, ActivityCancellation.Token);
        GridCheck.EnsureSameGrid(grid, referenceName, secondaryGrid, secondaryName);

        var coherence = new float[grid.Width * grid.Height];
        CoherenceEstimator.Estimate(reference, secondary, grid.Width, grid.Height, input.Scope.Settings.Window(), coherence);
        var counts = CoherenceValidation.Sanitize(coherence);
        await store.WriteFloat32Async(StorageLayout.Coherence(asset, key, pair.Reference, pair.Secondary), coherence, grid, ActivityCancellation.Token);
        return new CoherenceOutcome(pair.PairId, true, counts.Rejected, null);
    }
}
