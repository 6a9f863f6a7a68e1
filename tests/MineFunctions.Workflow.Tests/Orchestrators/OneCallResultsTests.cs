using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Tests.ActivityTests;
using static MineFunctions.Workflow.Tests.Orchestrators.IncrementalRefreshTests;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// A whole run with the real activities on the in-memory engine, its small asset in one <see cref="AssetCallActivity"/> call
/// against the same run a stage a call (<see cref="PipelineSettings.AssetCallPixels"/> 0): the same products byte for byte,
/// the same rows (Runs, PairResults, years, estimates) and the same result, from fewer calls and fewer reads; and an
/// incremental refresh through the one call equals a run from scratch. The scene is <see cref="IncrementalRefreshTests"/>'s.
/// </summary>
public sealed class OneCallResultsTests
{
    private static readonly PipelineSettings OneCall = Settings;
    private static readonly PipelineSettings StageACall = Settings with { AssetCallPixels = 0 };

    private static async Task<RefreshResult> RefreshAsync(DurableTaskTestHost host, Harness harness, InMemoryProductStore store, string runId, PipelineSettings settings)
    {
        harness.Store = store;
        harness.Calls.Clear();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), new RefreshRequest(runId, [Asset], settings, "test"),
            new StartOrchestrationOptions($"{runId}-{Guid.NewGuid():N}"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        return meta.ReadOutputAs<RefreshResult>()!;
    }

    [Fact]
    public async Task OneCall_WritesTheSameProductsAndRows_AsAStageACall_FromOneCallAndOneReadAPair()
    {
        var harness = new Harness();
        await using var host = await TestEngine.StartAsync(harness.Register);
        var pairs = Scene.Value.Pairs;

        var staged = StoreWith(pairs);
        var stagedResult = await RefreshAsync(host, harness, staged, "run-1", StageACall);
        var stagedCalls = new Dictionary<string, int>(harness.Calls);
        var one = StoreWith(pairs);
        var oneResult = await RefreshAsync(host, harness, one, "run-1", OneCall);

        Assert.Equal(new RefreshResult("run-1", 1, 1, 0, pairs.Count, stagedResult.RejectedPairs), stagedResult);
        Assert.Equal(stagedResult, oneResult);
        AssertSameResults(staged, one);
        AssertSameResults(one, staged);
        Assert.Contains(one.Rows<Infrastructure.Storage.Tables.RunRow>(), r => r is { AssetId: Asset, Status: AssetOutcome.Succeeded });
        // A stage a call: discovery, stable points, NDAI, its commit, annual means, composites, areas, the Runs row.
        Assert.True(IncrementalRefreshTests.Activities(stagedCalls) >= 8 + 3, string.Join(", ", stagedCalls));
        // One call: the asset's stages in it, the run's own calls (asset list, chunk, estimate) beside it.
        Assert.Equal(1, harness.Calls[nameof(AssetCallActivity)]);
        Assert.Equal(1 + 3, IncrementalRefreshTests.Activities(harness.Calls));
        // Stable points and NDAI each read every raster a stage a call; in one call NDAI finds them in the call's memo.
        Assert.Equal(2 * pairs.Count, CoherenceReads(staged));
        Assert.Equal(pairs.Count, CoherenceReads(one));
        // The pair list is for an orchestration that takes the asset over: a stage a call stores it, the call that finishes does not.
        Assert.Contains(PairList, staged.ProductNames);
        Assert.DoesNotContain(PairList, one.ProductNames);
    }

    private static readonly string PairList = StorageLayout.PairList(Asset, SettingsFingerprint.Of(Settings), "run-1");

    [Fact]
    public async Task AnAssetTheCallHandsOnAfterItsStablePoints_ReadsItsPairsFromTheListTheCallWrote()
    {
        var harness = new Harness();
        await using var host = await TestEngine.StartAsync(harness.Register);
        var pairs = Scene.Value.Pairs;
        var staged = StoreWith(pairs);
        var stagedResult = await RefreshAsync(host, harness, staged, "run-1", StageACall);

        // A budget of one pixel: after stable points the call finds the rasters too large, and hands the asset on with an
        // empty first page, so the orchestration reads every pair from the stored list.
        var handedOn = StoreWith(pairs);
        var result = await RefreshAsync(host, harness, handedOn, "run-1", Settings with { AssetCallPixels = 1 });

        Assert.Equal(stagedResult, result);
        AssertSameResults(staged, handedOn);
        Assert.Equal(1, harness.Calls[nameof(AssetCallActivity)]);
        Assert.Equal(pairs.Count, (await StoredLists.ReadAsync<PairWork>(handedOn, PairList)).Count);
    }

    [Fact]
    public async Task OneCall_IncrementalRefresh_EqualsARunFromScratch_AndReadsOnlyTheNewPair()
    {
        var harness = new Harness();
        await using var host = await TestEngine.StartAsync(harness.Register);
        var pairs = Scene.Value.Pairs;
        var added = (pairs[^1].Name, FarFromThresholds(pairs));

        var scratch = StoreWith([.. pairs.SkipLast(1), added]);
        var full = await RefreshAsync(host, harness, scratch, "run-2", OneCall);
        var incremental = StoreWith(pairs.SkipLast(1));
        await RefreshAsync(host, harness, incremental, "run-1", OneCall);
        var readsBefore = CoherenceReads(incremental);
        PutPair(incremental, added.Name, added.Item2);
        var second = await RefreshAsync(host, harness, incremental, "run-2", OneCall);

        Assert.Equal(full, second);
        AssertSameResults(scratch, incremental);
        Assert.Equal(1, harness.Calls[nameof(AssetCallActivity)]);
        // The statistics resume from the checkpoint (the new raster read once) and NDAI reads it from the call's memo.
        Assert.Equal(1, CoherenceReads(incremental) - readsBefore);
    }
}
