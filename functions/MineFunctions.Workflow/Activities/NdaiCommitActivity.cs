namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Records that the asset's NDAI stage finished under a stable checkpoint (<see cref="NdaiCommit"/>):
/// written after the stage, so a run that stops part way leaves no claim its next refresh would trust.
/// </summary>
public sealed class NdaiCommitActivity(IProductStore store) : TaskActivity<NdaiCommitTask, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, NdaiCommitTask input)
    {
        var failed = input.Failed.Order(StringComparer.Ordinal).ToList();
        await StableState.WriteCommitAsync(store, input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings), new NdaiCommit(input.Generation, input.MaskSha256, failed));
        return true;
    }
}
