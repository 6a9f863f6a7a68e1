using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// A run's small assets in one <see cref="AssetCallActivity"/> call each (<see cref="PipelineSettings.AssetCallPixels"/>), on the
/// in-memory engine with activity doubles: which calls a run makes when the call finishes its asset, stops part way, fails,
/// or is switched off. The double decides as the real call does (<see cref="FakeAssetActivities"/>); that the real call's
/// products and rows equal a run a stage a call is <see cref="OneCallResultsTests"/>.
/// </summary>
public sealed class OneCallTests
{
    private static async Task<(RefreshResult Result, Microsoft.DurableTask.Testing.DurableTaskTestHost Host)> RunAsync(FakeAssetActivities fakes, PipelineSettings settings, string runId)
    {
        var host = await TestEngine.StartAsync(fakes.Register);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), new RefreshRequest(runId, [], settings, "test"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        return (meta.ReadOutputAs<RefreshResult>()!, host);
    }

    private static int Calls(FakeAssetActivities fakes, string name) => fakes.Calls.GetValueOrDefault(name);

    [Fact]
    public async Task SmallAssets_RunInOneCallEach_WithNoAssetOrchestration_AndFileTheirOwnRunsRow()
    {
        // 3 years × 3 pairs of 1,024 px: 9,216 px, within the default budget (2^20).
        var fakes = new FakeAssetActivities { PairsPerYear = 3, GridPixels = 1024, Assets = ["a1", "a2", "a3"] };
        var (result, started) = await RunAsync(fakes, new PipelineSettings(), "run-one");
        await using var host = started;

        Assert.Equal(new RefreshResult("run-one", 3, 3, 0, 27, 0), result);
        Assert.Equal(3, Calls(fakes, nameof(AssetCallActivity)));
        string[] stages = [nameof(DiscoverAssetActivity), nameof(StableStatisticsActivity), nameof(NdaiBatchActivity), nameof(NdaiActivity), nameof(AnnualMeanBatchActivity), nameof(CompositeActivity), nameof(AssetAreaActivity), nameof(RecordRunActivity)];
        Assert.All(stages, s => Assert.Equal(0, Calls(fakes, s)));
        Assert.Equal(["a1", "a2", "a3"], fakes.OneCallRecords.Select(o => o.AssetId).Order(StringComparer.Ordinal));
        Assert.Null(await host.Client.GetInstanceAsync(InstanceIds.AssetInRun("run-one", "a1")));
        Assert.Equal(3, Assert.Single(fakes.Estimates).SucceededAssets);
    }

    [Fact]
    public async Task AnAssetWhoseOneCallFails_StartsOverAStageACall_AndTheRunsRowIsFiledForIt()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 3, GridPixels = 1024, Assets = ["a1", "a2"], OneCallFails = ["a2"] };
        var (result, started) = await RunAsync(fakes, new PipelineSettings(), "run-fallback");
        await using var host = started;

        Assert.Equal(new RefreshResult("run-fallback", 2, 2, 0, 18, 0), result);
        // The failed call is not retried (the stages retry what fails in them): one call each (the doubles count the calls
        // that return), then a2 from discovery on.
        Assert.Equal(1, Calls(fakes, nameof(AssetCallActivity)));
        Assert.Equal(["a1", "a2", "a2"], fakes.Discoveries.Order(StringComparer.Ordinal));
        Assert.Equal(1, Calls(fakes, nameof(DiscoverAssetActivity)));
        Assert.Equal(1, Calls(fakes, nameof(StableStatisticsActivity)));
        Assert.Equal(1, Calls(fakes, nameof(AssetAreaActivity)));
        Assert.Equal(["a1"], fakes.OneCallRecords.Select(o => o.AssetId));
        var record = Assert.Single(fakes.Records);
        Assert.Equal(("a2", AssetOutcome.Succeeded), (Assert.Single(record.Assets).AssetId, record.Assets[0].Status));
        Assert.NotNull(await host.Client.GetInstanceAsync(InstanceIds.AssetInRun("run-fallback", "a2")));
    }

    [Fact]
    public async Task AnAssetTooLargeForOneCall_GoesOnFromItsStablePoints_ReadingItsPairsInPages()
    {
        // 9 pairs of 2^18 px: 2.4 Mpx, over the budget. The call stops after stable points.
        var fakes = new FakeAssetActivities { PairsPerYear = 3, GridPixels = 1 << 18, Assets = ["a1"] };
        var (result, started) = await RunAsync(fakes, new PipelineSettings(), "run-large");
        await using var host = started;

        Assert.Equal(new RefreshResult("run-large", 1, 1, 0, 9, 0), result);
        Assert.Equal(1, Calls(fakes, nameof(AssetCallActivity)));
        Assert.Single(fakes.Discoveries);
        Assert.Single(fakes.StableCalls);
        Assert.Equal(0, Calls(fakes, nameof(DiscoverAssetActivity)));
        Assert.Equal(0, Calls(fakes, nameof(StableStatisticsActivity)));
        // The call's inventory carries no page beside the stable summary: the orchestration reads them.
        Assert.True(Calls(fakes, nameof(PairPageActivity)) >= 1);
        Assert.Equal(9, fakes.NdaiPairs.Count);
        Assert.Single(fakes.Areas);
        Assert.Single(fakes.Records);
        Assert.Empty(fakes.OneCallRecords);
    }

    [Fact]
    public async Task SlcInput_StopsTheCallAfterDiscovery_SoCoherenceRunsAPairACall()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, GridPixels = 1024, FromSlc = true, Assets = ["a1"] };
        var (result, started) = await RunAsync(fakes, new PipelineSettings(), "run-slc");
        await using var host = started;

        Assert.Equal(new RefreshResult("run-slc", 1, 1, 0, 6, 0), result);
        Assert.Single(fakes.Discoveries);
        Assert.Empty(fakes.OneCallRecords);
        Assert.Equal(6, Calls(fakes, nameof(CoherenceActivity)));
        Assert.Equal(1, Calls(fakes, nameof(StableStatisticsActivity)));
    }

    [Fact]
    public async Task ABudgetOfZero_RunsEveryAssetAStageACall()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 3, GridPixels = 1024, Assets = ["a1", "a2"] };
        var (result, started) = await RunAsync(fakes, new PipelineSettings { AssetCallPixels = 0 }, "run-staged");
        await using var host = started;

        Assert.Equal(new RefreshResult("run-staged", 2, 2, 0, 18, 0), result);
        Assert.Equal(0, Calls(fakes, nameof(AssetCallActivity)));
        Assert.Equal(2, Calls(fakes, nameof(DiscoverAssetActivity)));
        Assert.Equal(2, Calls(fakes, nameof(RecordRunActivity)));
    }
}
