using Microsoft.DurableTask;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// One pair: screening over the stack's stable points (METHOD.md §1.3) and, when accepted, its NDAI
/// raster (§1.4). Records the decision with its numbers in the PairResults table either way; a pair
/// whose raster cannot be read is recorded as failed with the file and GDAL's reason.
/// </summary>
public sealed class NdaiActivity(PipelineStorage storage) : TaskActivity<PairTask, PairOutcome>
{
    public override async Task<PairOutcome> RunAsync(TaskActivityContext context, PairTask input)
    {
        var (scope, pair) = (input.Scope, input.Pair);
        var key = PipelineStorage.KeyOf(scope.Settings);
        float[] coherence;
        GridSpec grid;
        try
        {
            (coherence, grid, _) = await PairCoherence.ReadAsync(storage, scope, pair);
        }
        catch (UnreadablePairException ex)
        {
            await PairRows.RecordAsync(storage, scope, pair, ex);
            return new PairOutcome(pair.PairId, pair.Year, false, PairRows.Summary(ex), double.NaN, double.NaN, Failed: true);
        }
        var (maskBytes, maskGrid) = await RasterBlobs.ReadByteAsync(storage.Products, WorkflowProducts.StableMask(scope.AssetId, key), storage.ReadOptions, ActivityCancellation.Token);
        GridCheck.EnsureSameGrid(maskGrid, "stable mask", grid, pair.PairId);

        var decision = PairScreening.Evaluate(coherence, StableMask.FromArea(maskBytes), scope.Settings.Stable());
        string? ndaiBlob = null;
        if (decision.Accepted)
        {
            var ndai = new float[coherence.Length];
            NdaiCalculator.Compute(coherence, decision.StableMean, ndai);
            ndaiBlob = ProductLayout.Ndai(scope.AssetId, key, pair.Reference, pair.Secondary);
            await RasterBlobs.WriteFloat32Async(storage.Products, ndaiBlob, ndai, grid, ActivityCancellation.Token);
        }

        await storage.Tables.UpsertAsync(PairRows.Row(scope, pair, decision.StablePixelCount,
            Finite(decision.StableMean), Finite(decision.StableStd), decision.Accepted, decision.Reason, ndaiBlob));
        return new PairOutcome(pair.PairId, pair.Year, decision.Accepted, decision.Reason, decision.StableMean, decision.StableStd, false);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
