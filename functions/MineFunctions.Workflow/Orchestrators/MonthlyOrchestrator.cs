using Microsoft.DurableTask;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// Input of <see cref="MonthlyOrchestrator"/>: the month's refresh (its <see cref="RefreshRequest.RunId"/>
/// is the refresh's own instance id, as before acquisition existed) and, when acquisition is enabled,
/// how new pairs are fetched first; null = no acquisition.
/// </summary>
public sealed record MonthlyRequest(RefreshRequest Refresh, AcquisitionSettings? Acquisition);

/// <summary>What the month did: per-asset acquisitions (counts; each asset's detail is in acquisition/&lt;asset&gt;.json) and the refresh's result.</summary>
public sealed record MonthlyResult(int AssetsAcquired, int AcquisitionsFailed, int PairsDownloaded, int JobsNotDownloaded, RefreshResult Refresh);

/// <summary>
/// The monthly chain, acquisition → processing (docs/ACQUISITION.md). With acquisition enabled it
/// runs one <see cref="AcquireAssetOrchestrator"/> per asset (search since the asset's latest
/// stored pair, order HyP3 jobs, wait on durable timers, download into &lt;asset&gt;/pairs/), at most
/// <see cref="PipelineSettings.MaxParallelAssets"/> at once in a sliding window; an asset whose
/// acquisition fails is counted and still processed with the pairs it has. Then the
/// <see cref="RefreshOrchestrator"/> runs as a sub-orchestration under the run id, so run status,
/// per-asset outcomes and results read exactly as for a refresh started on its own. Without
/// acquisition only the refresh runs. Deterministic, so it runs on both hosts; the timer only starts it.
/// </summary>
public sealed class MonthlyOrchestrator : TaskOrchestrator<MonthlyRequest, MonthlyResult>
{
    public override async Task<MonthlyResult> RunAsync(TaskOrchestrationContext context, MonthlyRequest input)
    {
        var refresh = input.Refresh;
        int acquired = 0, failed = 0, downloaded = 0, notDownloaded = 0;
        if (input.Acquisition is { } settings)
        {
            // The asset list is a stored blob read a chunk at a time, as the refresh does: no payload grows with the assets.
            var list = await context.CallActivityAsync<AssetList>(nameof(ListAssetsActivity),
                new AssetSelection(context.InstanceId, refresh.AssetIds, refresh.Settings), ActivityRetry.Options);
            context.SetCustomStatus(new RunProgress("acquisition", 0, 0, list.Count, 0, 0));
            var done = 0;
            for (var chunk = 0; chunk < list.Chunks; chunk++)
            {
                var assets = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(AssetChunkActivity), new AssetChunkTask(list, chunk), ActivityRetry.Options);
                await SlidingWindow.RunAsync(assets, refresh.Settings.MaxParallelAssets,
                    asset => AcquireAsync(context, asset, settings),
                    (_, result) =>
                    {
                        done++;
                        if (result is null) failed++;
                        else
                        {
                            acquired++;
                            downloaded += result.Downloaded;
                            notDownloaded += result.Pairs.Count - result.Downloaded;
                        }
                        context.SetCustomStatus(new RunProgress("acquisition", done, failed, list.Count, downloaded, downloaded + notDownloaded));
                    });
            }
        }

        context.SetCustomStatus(new RunProgress("processing", acquired + failed, failed, acquired + failed, downloaded, downloaded + notDownloaded));
        var result = await context.CallSubOrchestratorAsync<RefreshResult>(
            nameof(RefreshOrchestrator), refresh, new SubOrchestrationOptions { InstanceId = refresh.RunId });
        context.SetCustomStatus(new RunProgress("done", result.AssetsTotal, result.AssetsFailed, result.AssetsTotal, result.Pairs, result.Pairs));
        return new MonthlyResult(acquired, failed, downloaded, notDownloaded, result);
    }

    /// <summary>One asset's acquisition, or null when it failed as a whole (its reason is in the sub-orchestration's failure).</summary>
    private static async Task<AcquireResult?> AcquireAsync(TaskOrchestrationContext context, string assetId, AcquisitionSettings settings)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<AcquireResult>(
                nameof(AcquireAssetOrchestrator),
                new AcquireRequest(assetId, null, false, settings),
                new SubOrchestrationOptions { InstanceId = InstanceIds.AssetInRun(context.InstanceId, assetId) });
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }
}
