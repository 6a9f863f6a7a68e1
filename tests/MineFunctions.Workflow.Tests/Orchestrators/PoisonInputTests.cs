using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// Fault matrix, "a poison input" (docs/RELIABILITY.md): an input that makes an activity throw on every attempt. It
/// ends as a recorded failure after a bounded number of attempts (one for a failure that is not transient, three for
/// one that looks transient), never loops, and never holds up the other assets: the run completes.
/// </summary>
public sealed class PoisonInputTests
{
    [Fact]
    public async Task AnAssetWhoseDiscoveryFailsEveryTime_IsTriedABoundedNumberOfTimes_ThenRecorded_AndTheOthersComplete()
    {
        // a2 looks transient (a timeout) on every attempt, a4 is plainly unreadable; a1 and a3 are sound.
        var fakes = new FakeAssetActivities { PairsPerYear = 2, Assets = ["a1", "a2", "a3", "a4"], TimingOutAssets = ["a2"], FailingAssets = ["a4"] };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), new RefreshRequest("run-poison", [], new PipelineSettings { MaxParallelAssets = 2 }, "test"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        // 2 poison inputs → 2 recorded failures; the 2 sound assets complete with their 6 pairs each.
        Assert.Equal(new RefreshResult("run-poison", 4, 2, 2, 12, 0), meta.ReadOutputAs<RefreshResult>());
        var outcomes = fakes.Records.SelectMany(r => r.Assets).ToDictionary(a => a.AssetId);
        Assert.Equal(4, outcomes.Count);
        Assert.Equal((AssetOutcome.Failed, true), (outcomes["a2"].Status, outcomes["a2"].Error!.Contains("reading asset a2 timed out", StringComparison.Ordinal)));
        Assert.Equal((AssetOutcome.Failed, true), (outcomes["a4"].Status, outcomes["a4"].Error!.Contains("asset a4 is unreadable", StringComparison.Ordinal)));
        Assert.Equal(AssetOutcome.Succeeded, outcomes["a1"].Status);
        Assert.Equal(AssetOutcome.Succeeded, outcomes["a3"].Status);
        // Bounded: the asset's one call (AssetCallActivity, tried once), then a stage a call: three attempts for the
        // transient-looking failure (ActivityRetry), one for the other.
        Assert.Equal(1 + 3, fakes.Discoveries.Count(a => a == "a2"));
        Assert.Equal(1 + 1, fakes.Discoveries.Count(a => a == "a4"));
        Assert.Equal(2, Assert.Single(fakes.Estimates).SucceededAssets);
    }
}
