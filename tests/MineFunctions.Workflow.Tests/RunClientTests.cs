using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Tests.Orchestrators;

namespace MineFunctions.Workflow.Tests;

/// <summary>
/// The run client on the in-memory Durable engine with the workflow's orchestrators (activity doubles):
/// start policy, status and failure reason. Paging outcomes needs the Table service and is tested on Azurite (App and Integration tests).
/// </summary>
public sealed class RunClientTests
{
    // Start and status never reach the tables.
    private static readonly ResultTableStore NoTables = new(new TableServiceClient("UseDevelopmentStorage=true"));

    private static async Task<RunStatus> FinishedAsync(RunClient runs, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await runs.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
        return (await runs.GetStatusAsync(id))!;
    }

    [Fact]
    public async Task ALocalRunStartsOnce_ItsStatusHasTheCounts_AndStartingItAgainReusesIt()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2 };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        var runs = new RunClient(host.Client, NoTables);
        var request = new RefreshRequest("run-local", ["a1", "a2"], new PipelineSettings(), "cli");

        var first = await runs.StartAsync(request, RunStartPolicy.LocalRun);
        var status = await FinishedAsync(runs, "run-local");
        var again = await runs.StartAsync(request, RunStartPolicy.LocalRun);

        Assert.Equal(RunStartStatus.Started, first.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal("cli", status.Trigger);
        Assert.Equal(new RefreshResult("run-local", 2, 2, 0, 12, 0), status.Result);
        Assert.Equal(new RunProgress("done", 2, 0, 2, 12, 12), status.Progress);
        Assert.Null(status.FailureReason);
        Assert.Equal(RunStartStatus.AlreadyDone, again.Status);
        // Each asset discovered once, in its one call (AssetCallActivity); its orchestration went on from there.
        Assert.Equal(["a1", "a2"], fakes.Discoveries.Order(StringComparer.Ordinal));
        Assert.Equal(2, fakes.Calls[nameof(Activities.AssetCallActivity)]);
        Assert.False(fakes.Calls.ContainsKey(nameof(Activities.DiscoverAssetActivity)));
        Assert.Null(await runs.GetStatusAsync("run-unknown"));
    }

    [Fact]
    public async Task AFailedRunSaysWhy_AndALocalRunStartsItAgain()
    {
        var fakes = new FakeAssetActivities { PairsPerYear = 2, EstimateFails = true };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        var runs = new RunClient(host.Client, NoTables);
        var request = new RefreshRequest("run-broken", ["a1"], new PipelineSettings(), "cli");

        await runs.StartAsync(request, RunStartPolicy.LocalRun);
        var failed = await FinishedAsync(runs, "run-broken");
        var again = await runs.StartAsync(request, RunStartPolicy.LocalRun);
        var blobEvent = await runs.StartAsync(request, RunStartPolicy.BlobEvent(TimeSpan.FromDays(2), TimeSpan.FromSeconds(1)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Null(failed.Result);
        Assert.Contains("the emission factor table is empty", failed.FailureReason);
        Assert.Equal(RunStartStatus.Restarted, again.Status);
        // The restarted run is running or failed again by now; a blob event's policy never starts a second one.
        Assert.True(blobEvent.Status is RunStartStatus.AlreadyRunning or RunStartStatus.AlreadyDone, blobEvent.ToString());
    }
}
