using Microsoft.DurableTask;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// One chunk of a run's assets (<see cref="RefreshOrchestrator"/>): reads its ids from the run's
/// stored list, runs one <see cref="AssetOrchestrator"/> per asset (deterministic instance id per run
/// and asset) with at most <see cref="PipelineSettings.MaxParallelAssets"/> in flight, the next
/// starting as soon as any finishes, and files each outcome as a Runs row as it arrives. Its history
/// holds four events per asset, so a chunk of 50 stays a few hundred events whatever the run's size.
/// </summary>
public sealed class RefreshChunkOrchestrator : TaskOrchestrator<RefreshChunk, ChunkResult>
{
    public override async Task<ChunkResult> RunAsync(TaskOrchestrationContext context, RefreshChunk input)
    {
        var assets = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(AssetChunkActivity),
            new AssetChunkTask(input.AssetList, input.Index), ActivityRetry.Options);
        var tally = new RunTally(input.RunId, assets.Count);
        await SlidingWindow.RunAsync(assets, input.Settings.MaxParallelAssets,
            asset => RunAndRecordAsync(context, input, asset),
            (_, outcome) => tally.Add(outcome));
        return tally.Chunk();
    }

    /// <summary>Runs one asset and files its outcome (success or failure, with the reason) as a Runs row.</summary>
    private static async Task<AssetOutcome> RunAndRecordAsync(TaskOrchestrationContext context, RefreshChunk input, string assetId)
    {
        var outcome = await RunAssetAsync(context, input, assetId);
        await context.CallActivityAsync(nameof(RecordRunActivity),
            new RunRecord(input.RunId, input.Trigger, input.Settings, input.StartedUtc, context.CurrentUtcDateTime, [outcome]), ActivityRetry.Options);
        return outcome;
    }

    private static async Task<AssetOutcome> RunAssetAsync(TaskOrchestrationContext context, RefreshChunk input, string assetId)
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
