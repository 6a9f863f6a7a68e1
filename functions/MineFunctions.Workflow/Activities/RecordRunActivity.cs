namespace MineFunctions.Workflow.Activities;

/// <summary>One Runs row per asset outcome of the record (the refresh files each asset as it finishes): status, pair counts and error.</summary>
public sealed class RecordRunActivity(IProductStore store) : TaskActivity<RunRecord, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RunRecord input) =>
        store.UpsertAllAsync(input.Assets.Select(a => new RunRow(
            input.RunId, a.AssetId, SettingsFingerprint.Of(input.Settings), input.Trigger, a.Status, a.Pairs, a.RejectedPairs, a.Error)));
}
