using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>One Runs row per asset outcome of the record (the refresh files each asset as it finishes): status, pair counts and error.</summary>
public sealed class RecordRunActivity(IProductStore store) : TaskActivity<RunRecord, int>
{
    [ActivatorUtilitiesConstructor]
    public RecordRunActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override Task<int> RunAsync(TaskActivityContext context, RunRecord input) =>
        store.UpsertAllAsync(input.Assets.Select(a => new RunRow(
            input.RunId, a.AssetId, SettingsFingerprint.Of(input.Settings), input.Trigger, a.Status, a.Pairs, a.RejectedPairs, a.Error)));
}
