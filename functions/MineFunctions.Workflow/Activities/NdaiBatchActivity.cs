using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Several pairs of small rasters in one call (<see cref="PipelineSettings.NdaiBatchPixels"/>): each pair exactly as
/// <see cref="NdaiActivity"/> does it, one after the other, with its own outcome and PairResults row, under one read
/// of the stable mask. A pair whose raster cannot be read is recorded as failed and the others go on; any other
/// failure fails the call, and the orchestrator then runs its pairs one a call (<see cref="NdaiActivity"/>),
/// so that only the pair at fault fails.
/// </summary>
public sealed class NdaiBatchActivity(IProductStore store) : TaskActivity<PairBatchTask, IReadOnlyList<PairOutcome>>
{
    public override async Task<IReadOnlyList<PairOutcome>> RunAsync(TaskActivityContext context, PairBatchTask input)
    {
        var key = SettingsFingerprint.Of(input.Scope.Settings);
        Task<(StableMask Mask, GridSpec Grid)>? mask = null;
        var outcomes = new List<PairOutcome>(input.Pairs.Count);
        foreach (var pair in input.Pairs)
            outcomes.Add(await NdaiActivity.RunPairAsync(store, input.Scope, key, pair, () => mask ??= NdaiActivity.ReadMaskAsync(store, input.Scope.AssetId, key)));
        return outcomes;
    }
}
