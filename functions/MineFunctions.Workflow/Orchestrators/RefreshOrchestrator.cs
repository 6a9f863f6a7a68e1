using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// A run over many assets. Its asset list is fixed first and stored as a blob
/// (<see cref="ListAssetsActivity"/>); the assets then run in chunks of
/// <see cref="PipelineSettings.AssetChunkSize"/>, one <see cref="RefreshChunkOrchestrator"/> after
/// another, each running its assets through a sliding window of
/// <see cref="PipelineSettings.MaxParallelAssets"/> and filing each outcome as a Runs row. Then the
/// run-level estimate (production and emissions pool across assets: METHOD.md §1.6–1.7) and the
/// Climate TRACE export. So this orchestration's history grows with the number of chunks, not of
/// assets; no payload holds a list of assets; custom status and output hold counts only
/// (docs/RELIABILITY.md, docs/SCALE.md). A failing asset is recorded and the rest goes on; a chunk
/// that fails (its list or a Runs row unreachable after retries) fails the run with that reason.
/// </summary>
public sealed class RefreshOrchestrator : TaskOrchestrator<RefreshRequest, RefreshResult>
{
    public override async Task<RefreshResult> RunAsync(TaskOrchestrationContext context, RefreshRequest input)
    {
        var started = context.CurrentUtcDateTime;
        var list = await context.CallActivityAsync<AssetList>(nameof(ListAssetsActivity),
            new AssetSelection(input.RunId, input.AssetIds, input.Settings), ActivityRetry.Options);

        var tally = new RunTally(input.RunId, list.Count);
        context.SetCustomStatus(tally.Progress("assets"));
        for (var index = 0; index < list.Chunks; index++)
        {
            var chunk = await context.CallSubOrchestratorAsync<ChunkResult>(
                nameof(RefreshChunkOrchestrator),
                new RefreshChunk(input.RunId, input.Trigger, input.Settings, started, list, index),
                new SubOrchestrationOptions { InstanceId = InstanceIds.ChunkInRun(input.RunId, index) });
            tally.Add(chunk);
            context.SetCustomStatus(tally.Progress("assets"));
        }

        // Also when every asset failed: the estimate then rewrites the export with those assets listed
        // as left out, so an export never goes on showing what this run found broken.
        context.SetCustomStatus(tally.Progress("estimate"));
        await context.CallActivityAsync<RunEstimateOutcome>(nameof(RunEstimateActivity), new RunEstimateTask(input.RunId, tally.Succeeded, input.Settings), ActivityRetry.Options);

        context.SetCustomStatus(tally.Progress("done"));
        return tally.Result();
    }
}
