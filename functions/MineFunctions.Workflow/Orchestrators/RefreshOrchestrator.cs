using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// A run over many assets: one <see cref="AssetOrchestrator"/> per asset (deterministic instance id
/// per run and asset), at most <see cref="PipelineSettings.MaxParallelAssets"/> in flight, the next
/// starting as soon as any finishes; each asset's outcome goes to the Runs table as it arrives; then
/// the run-level estimate (production and emissions pool across assets: METHOD.md §1.6–1.7) and the
/// Climate TRACE export. Activity calls retry transient failures (<see cref="ActivityRetry"/>). A
/// failing asset is recorded and the rest goes on. Custom status and output
/// hold counts only, so the run's state stays bounded whatever the number of assets
/// (docs/RELIABILITY.md).
/// </summary>
public sealed class RefreshOrchestrator : TaskOrchestrator<RefreshRequest, RefreshResult>
{
    public override async Task<RefreshResult> RunAsync(TaskOrchestrationContext context, RefreshRequest input)
    {
        var started = context.CurrentUtcDateTime;
        var assets = input.AssetIds.Count > 0
            ? input.AssetIds
            : await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ListAssetsActivity), input.Settings, ActivityRetry.Options);

        var tally = new RunTally(input.RunId, assets.Count);
        context.SetCustomStatus(tally.Progress("assets"));
        var outcomes = await SlidingWindow.RunAsync(assets, input.Settings.MaxParallelAssets,
            asset => RunAndRecordAsync(context, input, asset, started),
            (_, outcome) =>
            {
                tally.Add(outcome);
                context.SetCustomStatus(tally.Progress("assets"));
            });

        // Also when every asset failed: the estimate then rewrites the export with those assets listed
        // as left out, so an export never goes on showing what this run found broken.
        var succeeded = outcomes.Where(o => o.Status == AssetOutcome.Succeeded).Select(o => o.AssetId).ToList();
        context.SetCustomStatus(tally.Progress("estimate"));
        await context.CallActivityAsync<RunEstimateOutcome>(nameof(RunEstimateActivity), new RunEstimateTask(input.RunId, succeeded, input.Settings), ActivityRetry.Options);

        context.SetCustomStatus(tally.Progress("done"));
        return tally.Result();
    }

    /// <summary>Runs one asset and files its outcome (success or failure, with the reason) as a Runs row.</summary>
    private static async Task<AssetOutcome> RunAndRecordAsync(TaskOrchestrationContext context, RefreshRequest input, string assetId, DateTime started)
    {
        var outcome = await RunAssetAsync(context, input, assetId);
        await context.CallActivityAsync(nameof(RecordRunActivity),
            new RunRecord(input.RunId, input.Trigger, input.Settings, started, context.CurrentUtcDateTime, [outcome]), ActivityRetry.Options);
        return outcome;
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
            return new AssetOutcome(assetId, AssetOutcome.Failed, 0, 0, FailureReasons.Of(ex.FailureDetails));
        }
    }
}
