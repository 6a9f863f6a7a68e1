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
        await using var host = await TestEngine.StartAsync(fakes.Register);
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
    public async Task PairsOfSmallRasters_GoSeveralToAnNdaiCall_InPairOrder_ThroughTheWindow()
    {
        // 1,024-pixel rasters and a budget of 4,096 pixels: 4 pairs a call. 3 years × 6 = 18 pairs: calls of 4, 4, 4, 4 and 2.
        var fakes = new FakeAssetActivities { PairsPerYear = 6, GridPixels = 1024 };
        var request = new AssetRunRequest("run-1", "a1", new PipelineSettings { PairBatchSize = 2, NdaiBatchPixels = 4096 });
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), request);

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal(18, outcome.Pairs);
        Assert.Equal(0, outcome.RejectedPairs);
        Assert.Equal([4, 4, 4, 4, 2], fakes.NdaiBatches.Select(b => b.Count).Order().Reverse());
        Assert.False(fakes.Calls.ContainsKey(nameof(NdaiActivity)));
        string[] ids = [.. new[] { 2020, 2021, 2022 }.SelectMany(y => Enumerable.Range(0, 6).Select(i => $"{y}-p{i}"))];
        Assert.Equal(ids, fakes.NdaiBatches.OrderBy(b => Array.IndexOf(ids, b[0])).SelectMany(b => b));
        Assert.InRange(fakes.MaxInFlight, 1, 2);
        Assert.Equal(3, fakes.Calls[nameof(AnnualMeanActivity)]);
    }

    [Fact]
    public async Task ABatchThatFails_IsRunAgainOnePairACall_SoOnlyThePairAtFaultFails()
    {
        // 5 pairs a call (5,120 px of 1,024-px rasters): 2020's five pairs go in one call, which the corrupt pair sinks.
        var fakes = new FakeAssetActivities { PairsPerYear = 5, GridPixels = 1024, Failing = ["2020-p3"] };
        var request = new AssetRunRequest("run-1", "a1", new PipelineSettings { NdaiBatchPixels = 5 * 1024 });
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), request);

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.RejectedPairs);
        Assert.Contains("2020-p3", outcome.Error);
        Assert.Equal(3, fakes.NdaiBatches.Count);
        // The failed call's five pairs again, one a call (the doubles count calls that completed: four; the corrupt pair's failed).
        // A corrupt pair is not retried, and neither was the call of five: p0 ran twice, p4 (never reached in the call) once.
        Assert.Equal(4, fakes.Calls[nameof(NdaiActivity)]);
        Assert.Equal(2, fakes.NdaiPairs.Count(p => p == "2020-p3"));
        Assert.Equal(2, fakes.NdaiPairs.Count(p => p == "2020-p0"));
        Assert.Equal(1, fakes.NdaiPairs.Count(p => p == "2020-p4"));
        Assert.Equal(1, fakes.NdaiPairs.Count(p => p == "2021-p0"));
    }

    [Fact]
    public async Task AnnualMeansOfSmallRasters_GoToOneCall_InYearOrder()
    {
        // 3 years × 5 accepted pairs of 1,024 px = 15,360 px, within the default budget (2^20): one call for all years.
        var fakes = new FakeAssetActivities { PairsPerYear = 5, GridPixels = 1024, Rejected = ["2021-p2"] };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal([[2020, 2021, 2022]], fakes.AnnualBatches);
        Assert.False(fakes.Calls.ContainsKey(nameof(AnnualMeanActivity)));
        // Each year's outcome reaches the areas as its own: 5, 4 (one rejected) and 5 accepted pairs; the doubles' means name their year.
        var years = Assert.Single(fakes.Areas).Years;
        Assert.Equal([2020, 2021, 2022], years.Select(y => y.Year));
        Assert.Equal([5, 4, 5], years.Select(y => y.Accepted));
        Assert.Equal([0.2020, 0.2021, 0.2022], years.Select(y => y.MeanNdai!.Value));
    }

    [Fact]
    public async Task AnAnnualMeanCallOfAllYears_ThatFails_IsRunAgainOneYearACall()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 4, GridPixels = 1024, AnnualBatchFails = true };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        // A corrupt raster is not retried: one attempt of the call of all years, then the three years one a call.
        Assert.Single(fakes.AnnualBatches);
        Assert.Equal(3, fakes.Calls[nameof(AnnualMeanActivity)]);
        var years = Assert.Single(fakes.Areas).Years;
        Assert.Equal([0.2020, 0.2021, 0.2022], years.Select(y => y.MeanNdai!.Value));
    }

    [Theory]
    [InlineData(1L << 20, 1L << 20)] // 1 Mpx rasters: 12 pairs would be 12 Mpx, over the budget
    [InlineData(1024L, 0L)]          // a budget of 0: one call a year whatever the size
    [InlineData(0L, 1L << 20)]       // size unknown
    public async Task AnnualMeans_GoOneYearACall_WhenTheirRastersDoNotFitTheBudget(long gridPixels, long budget)
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 4, GridPixels = gridPixels };
        var request = new AssetRunRequest("run-1", "a1", new PipelineSettings { NdaiBatchPixels = budget });
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), request);

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Empty(fakes.AnnualBatches);
        Assert.Equal(3, fakes.Calls[nameof(AnnualMeanActivity)]);
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
        Assert.Single(fakes.NdaiPairs, p => p == "2020-p1"); // a corrupt pair is not retried
    }

    [Fact]
    public async Task APairThatTimesOutOnce_IsRetriedAndAccepted()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, TimingOut = new() { ["2021-p1"] = 1 } };
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal(0, outcome.RejectedPairs);
        Assert.Equal(2, fakes.NdaiPairs.Count(p => p == "2021-p1"));
        Assert.Equal(7, fakes.NdaiPairs.Count);
    }

    [Fact]
    public async Task APairThatKeepsTimingOut_IsTriedThreeTimes_ThenRecordedAsFailedWithTheReason()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, TimingOut = new() { ["2021-p1"] = int.MaxValue } };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, outcome) = await RunAsync<AssetOutcome>(fakes, nameof(AssetOrchestrator), Asset());

        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.RejectedPairs);
        Assert.Equal(3, fakes.NdaiPairs.Count(p => p == "2021-p1"));
        // Waits of 2 s and then 2 × 3 = 6 s between the three attempts.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(8), $"{clock.Elapsed}");
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
    public async Task RefreshOrchestrator_RunsEveryListedAsset_FilesEachOutcome_AndEstimatesOnlyTheOnesThatSucceeded()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, FailingAssets = ["a2"] };
        var request = new RefreshRequest("run-7", [], new PipelineSettings(), "test");
        var (meta, result) = await RunAsync<RefreshResult>(fakes, nameof(RefreshOrchestrator), request);

        // a1: 3 years x 2 pairs; a2 failed before listing any pair.
        Assert.Equal(new RefreshResult("run-7", 2, 1, 1, 6, 0), result);
        var records = fakes.Records.OrderBy(r => r.Assets[0].AssetId, StringComparer.Ordinal).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Single(r.Assets));
        Assert.Equal(AssetOutcome.Succeeded, records[0].Assets[0].Status);
        Assert.Equal("a2", records[1].Assets[0].AssetId);
        Assert.Equal(AssetOutcome.Failed, records[1].Assets[0].Status);
        Assert.Contains("unreadable", records[1].Assets[0].Error);
        var estimate = Assert.Single(fakes.Estimates);
        Assert.Equal(1, estimate.SucceededAssets);
        Assert.Equal(new RunProgress("done", 2, 1, 2, 6, 6), meta.ReadCustomStatusAs<RunProgress>());
    }

    [Fact]
    public async Task RefreshOrchestrator_WhenEveryAssetFails_StillEstimates_SoTheExportListsThemAsLeftOut()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, FailingAssets = ["a1", "a2"] };
        var (_, result) = await RunAsync<RefreshResult>(fakes, nameof(RefreshOrchestrator), new RefreshRequest("run-8", [], new PipelineSettings(), "test"));

        Assert.Equal(new RefreshResult("run-8", 2, 0, 2, 0, 0), result);
        Assert.Equal(0, Assert.Single(fakes.Estimates).SucceededAssets);
    }
}
