using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// A run over many assets: one <see cref="AssetOrchestrator"/> per asset (deterministic instance id
/// per run and asset), at most <see cref="PipelineSettings.MaxParallelAssets"/> at a time; then the
/// run-level estimate (production and emissions pool across assets: METHOD.md §1.6–1.7) and the
/// Climate TRACE export; then the run record. A failing asset is recorded and the rest goes on.
/// </summary>
public sealed class RefreshOrchestrator : TaskOrchestrator<RefreshRequest, RefreshResult>
{
    public override async Task<RefreshResult> RunAsync(TaskOrchestrationContext context, RefreshRequest input)
    {
        var started = context.CurrentUtcDateTime;
        var assets = input.AssetIds.Count > 0
            ? input.AssetIds
            : await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ListAssetsActivity), input.Settings);

        var outcomes = new List<AssetOutcome>(assets.Count);
        Report(context, "assets", assets.Count, outcomes);
        var size = Math.Max(1, input.Settings.MaxParallelAssets);
        for (var start = 0; start < assets.Count; start += size)
        {
            var batch = assets.Skip(start).Take(size).Select(asset => RunAssetAsync(context, input, asset)).ToList();
            outcomes.AddRange(await Task.WhenAll(batch));
            Report(context, "assets", assets.Count, outcomes);
        }

        var succeeded = outcomes.Where(o => o.Status == "succeeded").Select(o => o.AssetId).ToList();
        if (succeeded.Count > 0)
        {
            Report(context, "estimate", assets.Count, outcomes);
            await context.CallActivityAsync<RunEstimateOutcome>(nameof(RunEstimateActivity), new RunEstimateTask(input.RunId, succeeded, input.Settings));
        }

        await context.CallActivityAsync(nameof(RecordRunActivity),
            new RunRecord(input.RunId, input.Trigger, input.Settings, started, context.CurrentUtcDateTime, outcomes));
        Report(context, "done", assets.Count, outcomes);
        return new RefreshResult(input.RunId, outcomes);
    }

    private static async Task<AssetOutcome> RunAssetAsync(TaskOrchestrationContext context, RefreshRequest input, string assetId)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<AssetOutcome>(
                nameof(AssetOrchestrator),
                new AssetRunRequest(input.RunId, assetId, input.Settings),
                new SubOrchestrationOptions { InstanceId = InstanceIds.AssetInRun(input.RunId, assetId) });
        }
        catch (TaskFailedException ex)
        {
            return new AssetOutcome(assetId, "failed", 0, 0, ex.FailureDetails.ErrorMessage);
        }
    }

    private static void Report(TaskOrchestrationContext context, string stage, int total, List<AssetOutcome> outcomes) =>
        context.SetCustomStatus(new RunProgress(stage, outcomes.Count, total,
            outcomes.Sum(o => o.Pairs), outcomes.Sum(o => o.Pairs), outcomes.ToList()));
}
