using Microsoft.DurableTask;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// One chunk of a run's assets (<see cref="RefreshOrchestrator"/>): reads its ids from the run's
/// stored list, runs each asset (one <see cref="AssetCallActivity"/> call for a small one, else an <see cref="AssetOrchestrator"/>
/// with a deterministic instance id per run and asset) with at most <see cref="PipelineSettings.MaxParallelAssets"/> in flight, the next
/// starting as soon as any finishes, and files each outcome as a Runs row as it arrives. Its history
/// holds two events for an asset done in one call and at most six for one that is not, so a chunk of 50
/// stays a few hundred events whatever the run's size.
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

    /// <summary>
    /// Runs one asset and files its outcome (success or failure, with the reason) as a Runs row. A small asset goes in one
    /// <see cref="AssetCallActivity"/> call, which files its own row (<see cref="PipelineSettings.AssetCallPixels"/>);
    /// one that call did not finish goes on in an <see cref="AssetOrchestrator"/> from where it stopped, and one whose call
    /// failed starts over there, a stage a call with retries. The call itself is tried once: whatever made it fail, the
    /// stage-by-stage run retries and records it against its pair or stage.
    /// </summary>
    private static async Task<AssetOutcome> RunAndRecordAsync(TaskOrchestrationContext context, RefreshChunk input, string assetId)
    {
        AssetCallResult? head = null;
        if (input.Settings.AssetCallPixels > 0)
        {
            try
            {
                head = await context.CallActivityAsync<AssetCallResult>(nameof(AssetCallActivity),
                    new AssetCallTask(new AssetScope(input.RunId, assetId, input.Settings), input.Trigger));
                if (head.Outcome is { } whole) return whole;
            }
            catch (TaskFailedException)
            {
                head = null;
            }
        }
        var outcome = await RunAssetAsync(context, input, assetId, head);
        await context.CallActivityAsync(nameof(RecordRunActivity),
            new RunRecord(input.RunId, input.Trigger, input.Settings, input.StartedUtc, context.CurrentUtcDateTime, [outcome]), ActivityRetry.Options);
        return outcome;
    }

    private static async Task<AssetOutcome> RunAssetAsync(TaskOrchestrationContext context, RefreshChunk input, string assetId, AssetCallResult? head)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<AssetOutcome>(
                nameof(AssetOrchestrator),
                new AssetRunRequest(input.RunId, assetId, input.Settings) { Head = head },
                new SubOrchestrationOptions { InstanceId = InstanceIds.AssetInRun(input.RunId, assetId) });
        }
        catch (TaskFailedException ex)
        {
            return new AssetOutcome(assetId, AssetOutcome.Failed, 0, 0, FailureReasons.Of(ex.FailureDetails));
        }
    }
}
