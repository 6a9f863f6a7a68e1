using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Integration.Tests;

public sealed class LocalEngineTests
{
    private static long SumOfSquares(int n) => Enumerable.Range(0, n).Sum(i => (long)i * i);

    private static async Task<FanOutResult> RunFanOutAsync(LocalEngineHost engine, string instanceId, int count)
    {
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FanOutOrchestrator), new FanOutInput(count, 8), new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = instanceId });
        var statuses = new List<string>();
        var final = await InstanceWatcher.WaitForCompletionAsync(
            engine.Client, instanceId, TimeSpan.FromMilliseconds(100),
            m => { if (m.SerializedCustomStatus is { } s) statuses.Add(s); },
            new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
        Assert.Contains(statuses, s => s.Contains("\"done\"", StringComparison.OrdinalIgnoreCase) || s.Contains("\"Stage\":\"done\"", StringComparison.Ordinal));
        var sub = await engine.Client.GetInstanceAsync(instanceId + ":sum");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, sub!.RuntimeStatus);
        return final.ReadOutputAs<FanOutResult>()!;
    }

    [Fact]
    public async Task InMemoryEngine_RunsFanOutSubOrchestrationAndCustomStatusToCompletion()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, EngineTestTasks.Register);

        var result = await RunFanOutAsync(engine, "fan-mem", 40);

        Assert.Equal(40, result.Activities);
        Assert.Equal(SumOfSquares(40), result.SumOfSquares);
        Assert.Equal(result.SumOfSquares, result.SubTotal);
    }

    [Fact]
    public async Task AzureStorageEngineOnAzurite_RunsFanOutSubOrchestrationAndCustomStatusToCompletion()
    {
        var hub = "t" + Guid.NewGuid().ToString("N")[..12];
        var options = new LocalEngineOptions { Kind = EngineKind.AzureStorage, ConnectionString = TestStorage.ConnectionString, TaskHub = hub };
        var engine = await LocalEngineHost.StartAsync(options, EngineTestTasks.Register);
        try
        {
            var result = await RunFanOutAsync(engine, "fan-azure", 24);

            Assert.Equal(24, result.Activities);
            Assert.Equal(SumOfSquares(24), result.SumOfSquares);
            Assert.Equal(result.SumOfSquares, result.SubTotal);
            var listed = new List<string>();
            await foreach (var m in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 10 })) listed.Add(m.InstanceId);
            Assert.Contains("fan-azure", listed);
        }
        finally
        {
            await engine.DeleteTaskHubAsync();
        }

        // Cleanup really removed the hub's tables and queues.
        var tables = new List<string>();
        await foreach (var t in new TableServiceClient(TestStorage.ConnectionString).QueryAsync(t => t.Name.CompareTo(hub) >= 0)) tables.Add(t.Name);
        Assert.DoesNotContain(tables, t => t.StartsWith(hub, StringComparison.OrdinalIgnoreCase));
        var queues = new List<string>();
        await foreach (var q in new QueueServiceClient(TestStorage.ConnectionString).GetQueuesAsync(prefix: hub.ToLowerInvariant())) queues.Add(q.Name);
        Assert.Empty(queues);
        var containers = new List<string>();
        await foreach (var c in new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainersAsync(prefix: hub.ToLowerInvariant())) containers.Add(c.Name);
        Assert.Empty(containers);
    }

    [Fact]
    public async Task AzureStorageEngine_StateSurvivesARestartOfTheHost()
    {
        var hub = "t" + Guid.NewGuid().ToString("N")[..12];
        var options = new LocalEngineOptions { Kind = EngineKind.AzureStorage, ConnectionString = TestStorage.ConnectionString, TaskHub = hub };
        var first = await LocalEngineHost.StartAsync(options, EngineTestTasks.Register);
        await RunFanOutAsync(first, "fan-restart", 4);
        await first.DisposeAsync();

        var second = await LocalEngineHost.StartAsync(options, registerTasks: null);
        try
        {
            var seen = await second.Client.GetInstanceAsync("fan-restart", getInputsAndOutputs: true);
            Assert.NotNull(seen);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, seen.RuntimeStatus);
            Assert.Equal(SumOfSquares(4), seen.ReadOutputAs<FanOutResult>()!.SumOfSquares);
        }
        finally
        {
            await second.DeleteTaskHubAsync();
        }
    }
}
