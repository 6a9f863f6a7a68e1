using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>The orchestrators on the in-memory Durable Task engine, with activity doubles (see <see cref="FakeAssetActivities"/>).</summary>
public sealed class OrchestrationTests
{
    private static async Task<(OrchestrationMetadata Meta, T Output)> RunAsync<T>(FakeAssetActivities fakes, string orchestrator, object input)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        return (meta, meta.ReadOutputAs<T>()!);
    }

    private static AssetRunRequest Asset(int batch = 4) => new("run-1", "a1", new PipelineSettings { PairBatchSize = batch });

    [Fact]
    public async Task AssetOrchestrator_FansOutOneNdaiActivityPerPair_InBatchesNoLargerThanConfigured()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 6 };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset(batch: 4));

        Assert.Equal("succeeded", outcome.Status);
        Assert.Equal(18, outcome.Pairs);
        Assert.Equal(18, fakes.Calls[nameof(NdaiActivity)]);
        Assert.InRange(fakes.MaxInFlight, 1, 4);
        Assert.False(fakes.Calls.ContainsKey(nameof(CoherenceActivity)), "coherence inputs need no coherence activity");
        Assert.Equal(1, fakes.Calls[nameof(StableStatisticsActivity)]);
        Assert.Equal(3, fakes.Calls[nameof(AnnualMeanActivity)]);
        Assert.Equal(1, fakes.Calls[nameof(CompositeActivity)]);
        Assert.Equal(1, fakes.Calls[nameof(AssetAreaActivity)]);
    }

    [Fact]
    public async Task AssetOrchestrator_ComputesCoherenceFirst_WhenTheInputIsSlc()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 3, FromSlc = true };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());
        Assert.Equal("succeeded", outcome.Status);
        Assert.Equal(9, fakes.Calls[nameof(CoherenceActivity)]);
    }

    [Fact]
    public async Task RejectedPairs_AreCounted_AndLeaveTheirYearOutOfTheAnnualMean()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 4, Rejected = ["2021-p0", "2021-p3"] };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());
        Assert.Equal("succeeded", outcome.Status);
        Assert.Equal(2, outcome.RejectedPairs);
    }

    [Fact]
    public async Task AFailingPair_IsRecorded_AndDoesNotSinkItsAsset()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 4, Failing = ["2020-p1"] };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());
        Assert.Equal("succeeded", outcome.Status);
        Assert.Equal(1, outcome.RejectedPairs);
        Assert.Equal(12, fakes.NdaiPairs.Count);
    }

    [Fact]
    public async Task AnAssetWithoutThreeConsecutiveYears_FailsWithItsReason()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, Years = [2020, 2022, 2023] };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());
        Assert.Equal("failed", outcome.Status);
        Assert.Contains("three consecutive years", outcome.Error);
        Assert.False(fakes.Calls.ContainsKey(nameof(CompositeActivity)));
    }

    [Fact]
    public async Task RefreshOrchestrator_RunsEveryListedAsset_AndEstimatesOnlyTheOnesThatSucceeded()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, FailingAssets = ["a2"] };
        var request = new RefreshRequest("run-7", [], new PipelineSettings(), "test");
        var (meta, result) = await RunAsync<RefreshResult>(fakes, nameof(RefreshOrchestrator), request);

        Assert.Equal(["a1", "a2"], result.Assets.Select(a => a.AssetId));
        Assert.Equal("succeeded", result.Assets[0].Status);
        Assert.Equal("failed", result.Assets[1].Status);
        Assert.Contains("unreadable", result.Assets[1].Error);
        var estimate = Assert.Single(fakes.Estimates);
        Assert.Equal(["a1"], estimate.AssetIds);
        Assert.Equal(1, fakes.Calls[nameof(RecordRunActivity)]);
        var progress = meta.ReadCustomStatusAs<RunProgress>()!;
        Assert.Equal("done", progress.Stage);
        Assert.Equal(2, progress.AssetsDone);
    }
}
