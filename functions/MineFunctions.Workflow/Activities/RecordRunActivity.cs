namespace MineFunctions.Workflow.Activities;

/// <summary>One Runs row per asset outcome of the record (the refresh files each asset as it finishes): status, pair counts and error.</summary>
public sealed class RecordRunActivity(IProductStore store) : TaskActivity<RunRecord, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RunRecord input) =>
        store.UpsertAllAsync(input.Assets.Select(a => Row(input.RunId, input.Trigger, input.Settings, a)));

    /// <summary>The Runs row of one asset's outcome (<see cref="AssetCallActivity"/> files its own).</summary>
    internal static RunRow Row(string runId, string trigger, PipelineSettings settings, AssetOutcome outcome) =>
        new(runId, outcome.AssetId, SettingsFingerprint.Of(settings), trigger, outcome.Status, outcome.Pairs, outcome.RejectedPairs, outcome.Error);
}
