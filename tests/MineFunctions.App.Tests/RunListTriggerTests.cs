using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using MineFunctions.App.Runs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Runs;
using Moq;

namespace MineFunctions.App.Tests;

/// <summary><c>GET /api/runs</c>: runs filed in a real Runs table (Azurite), each with its engine status, paged; running ones first.</summary>
public sealed class RunListTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    private async Task<(RunTriggers Trigger, ResultTableStore Tables)> TriggerAsync()
    {
        var tables = new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"));
        await tables.EnsureTablesAsync();
        return (TestOptions.RunRoutes(new RunClients(tables, TimeProvider.System, NullLogger<RunClient>.Instance)), tables);
    }

    /// <summary>A Durable client that knows <paramref name="instances"/> by id and lists them all (whatever the query), as a backend that ignores filters would.</summary>
    private static DurableTaskClient Engine(params OrchestrationMetadata[] instances)
    {
        var mock = new Mock<DurableTaskClient>("test") { CallBase = true };
        mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => instances.FirstOrDefault(i => i.InstanceId == id));
        mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(instances, null))));
        return mock.Object;
    }

    private static OrchestrationMetadata Instance(string id, OrchestrationRuntimeStatus status, int hours) =>
        new("RefreshOrchestrator", id) { RuntimeStatus = status, CreatedAt = T0.AddHours(hours), LastUpdatedAt = T0.AddHours(hours + 1) };

    private static async Task<(int Status, JsonElement Body)> GetAsync(RunTriggers trigger, DurableTaskClient engine, string query)
    {
        var request = HttpTestContext.Request("GET", "/api/runs");
        request.QueryString = new QueryString(query);
        var (status, _, body) = await HttpTestContext.ExecuteAsync(await trigger.ListAsync(request, engine, CancellationToken.None), request);
        return (status, JsonDocument.Parse(body).RootElement);
    }

    private static RunRow Row(string run, string asset) => new(run, asset, "v1-0000000000000000", "timer", "succeeded", 9, 1, null);

    [Fact]
    public async Task PagesListEveryFiledRunOnce_InIdOrder_WithItsStatus_AndRunningRunsComeFirst()
    {
        var (trigger, tables) = await TriggerAsync();
        // Three filed runs with several assets each (one partition per run), one of them purged from the engine.
        foreach (var run in new[] { "refresh-2026-09", "refresh-2026-10", "run-0123456789abcdef" })
            await tables.UpsertAllAsync(Enumerable.Range(0, 7).Select(i => Row(run, $"mine-{i}")));
        var engine = Engine(
            Instance("refresh-2026-10", OrchestrationRuntimeStatus.Completed, 0),
            Instance("run-0123456789abcdef", OrchestrationRuntimeStatus.Failed, 2),
            // Running, with no asset filed yet: only the engine knows it.
            Instance("refresh-2026-11", OrchestrationRuntimeStatus.Running, 5),
            // A running per-asset sub-orchestration and a finished run are not "active runs".
            Instance("refresh-2026-11:mine-1", OrchestrationRuntimeStatus.Running, 5),
            Instance("asset-x-0000000000000000", OrchestrationRuntimeStatus.Completed, 1));

        var (status, first) = await GetAsync(trigger, engine, "?pageSize=2");
        Assert.Equal(200, status);
        var runs = first.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["refresh-2026-11", "refresh-2026-09", "refresh-2026-10"], runs.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["Running", "Unknown", "Completed"], runs.Select(r => r.GetProperty("runtimeStatus").GetString()));
        Assert.Equal(T0.AddHours(5), runs[0].GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, runs[1].GetProperty("createdAt").ValueKind);

        var next = new Uri(first.GetProperty("next").GetString()!);
        Assert.Equal("/api/runs", next.AbsolutePath);
        var (_, second) = await GetAsync(trigger, engine, next.Query);
        Assert.Equal(["run-0123456789abcdef"], second.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("Failed", second.GetProperty("runs")[0].GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task NoRunsAtAll_IsAnEmptyList()
    {
        var (trigger, _) = await TriggerAsync();

        var (status, body) = await GetAsync(trigger, Engine(), "");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("runs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=101")]
    [InlineData("?pageSize=x")]
    [InlineData("?continuation=%21%21")]
    public async Task ABadPageSizeOrToken_Is400Problem(string query)
    {
        var (trigger, _) = await TriggerAsync();
        var request = HttpTestContext.Request("GET", "/api/runs");
        request.QueryString = new QueryString(query);

        await HttpTestContext.ProblemAsync(await trigger.ListAsync(request, Engine(), CancellationToken.None), request, 400);
    }
}
