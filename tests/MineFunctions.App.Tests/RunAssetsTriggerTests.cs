using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using MineFunctions.App.Runs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Tests;

/// <summary><c>GET /api/runs/{id}/assets</c> paging real Runs rows (Azurite), as the workflow files them.</summary>
public sealed class RunAssetsTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<(RunTriggers Trigger, ResultTableStore Tables)> TriggerAsync()
    {
        var tables = new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"));
        await tables.EnsureTablesAsync();
        return (TestOptions.RunRoutes(new RunClients(tables, TimeProvider.System, NullLogger<RunClient>.Instance)), tables);
    }

    private static RunRow Row(string run, int i, bool failed) =>
        new(run, $"mine-{i:D3}", "v1-0000000000000000", "timer", failed ? "failed" : "succeeded", 9, failed ? 0 : 1, failed ? $"mine {i} has no polygon" : null);

    private static async Task<(int Status, JsonElement Body)> GetAsync(RunTriggers trigger, string id, string query, OrchestrationMetadata? instance = null)
    {
        var request = HttpTestContext.Request("GET", $"/api/runs/{id}/assets");
        request.QueryString = new QueryString(query);
        var result = await trigger.AssetsAsync(request, id, new FakeDurableClient(instance).Object, CancellationToken.None);
        var (status, _, body) = await HttpTestContext.ExecuteAsync(result, request);
        return (status, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task FollowingNext_ReturnsEveryAssetOnce_InOrder_AndTheFailedFilterOnlyTheFailedOnes()
    {
        var (trigger, tables) = await TriggerAsync();
        // 25 assets, every fifth failed: 5 failed, 20 succeeded.
        await tables.UpsertAllAsync(Enumerable.Range(0, 25).Select(i => Row("refresh-2026-11", i, i % 5 == 0)));

        var seen = new List<string>();
        var pages = 0;
        var query = "?pageSize=10";
        while (true)
        {
            var (status, body) = await GetAsync(trigger, "refresh-2026-11", query);
            Assert.Equal(200, status);
            pages++;
            seen.AddRange(body.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("assetId").GetString()!));
            if (body.GetProperty("next").ValueKind == JsonValueKind.Null) break;
            query = new Uri(body.GetProperty("next").GetString()!).Query;
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"mine-{i:D3}"), seen);

        var failed = new List<JsonElement>();
        query = "?status=failed&pageSize=2";
        while (query is not null)
        {
            var (_, body) = await GetAsync(trigger, "refresh-2026-11", query);
            failed.AddRange(body.GetProperty("assets").EnumerateArray());
            query = body.GetProperty("next").ValueKind == JsonValueKind.Null ? null : new Uri(body.GetProperty("next").GetString()!).Query;
        }
        Assert.Equal(["mine-000", "mine-005", "mine-010", "mine-015", "mine-020"], failed.Select(a => a.GetProperty("assetId").GetString()));
        Assert.All(failed, a => Assert.Equal("failed", a.GetProperty("status").GetString()));
        Assert.Equal("mine 5 has no polygon", failed[1].GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("?status=broken")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=1001")]
    [InlineData("?pageSize=ten")]
    [InlineData("?continuation=%21%21not-base64")]
    [InlineData("?continuation=AAEC")]
    public async Task ABadStatusPageSizeOrToken_Is400(string query)
    {
        var (trigger, _) = await TriggerAsync();
        var request = HttpTestContext.Request("GET", "/api/runs/run-all/assets");
        request.QueryString = new QueryString(query);

        var result = await trigger.AssetsAsync(request, "run-all", new FakeDurableClient().Object, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 400);
    }

    [Fact]
    public async Task AnUnknownRun_Is404_AndARunningRunWithNoOutcomeYetIsAnEmptyPage()
    {
        var (trigger, _) = await TriggerAsync();

        var (missing, _) = await GetAsync(trigger, "run-none", "");
        var running = FakeDurableClient.Instance("run-new", OrchestrationRuntimeStatus.Running, TestOptions.Now);
        var (status, body) = await GetAsync(trigger, "run-new", "", running);

        Assert.Equal(404, missing);
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("assets").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task TheRunStatus_ListsTheFirstFailedAssetsWithTheirReasons()
    {
        var (_, tables) = await TriggerAsync();
        // 25 assets, every fifth failed: mine-000, -005, -010, -015, -020.
        await tables.UpsertAllAsync(Enumerable.Range(0, 25).Select(i => Row("refresh-2026-12", i, i % 5 == 0)));
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "refresh-2026-12")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedOutput = JsonSerializer.Serialize(new MineFunctions.Workflow.Contracts.RefreshResult("refresh-2026-12", 25, 20, 5, 225, 20), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        var request = HttpTestContext.Request("GET", "/api/runs/refresh-2026-12");
        var result = await TestOptions.RunRoutes(new RunClients(tables, TimeProvider.System, NullLogger<RunClient>.Instance))
            .StatusAsync(request, "refresh-2026-12", new FakeDurableClient(instance).Object, CancellationToken.None);
        var (status, _, body) = await HttpTestContext.ExecuteAsync(result, request);

        Assert.Equal(200, status);
        var failed = JsonDocument.Parse(body).RootElement.GetProperty("failedAssets").EnumerateArray().ToList();
        Assert.Equal(["mine-000", "mine-005", "mine-010", "mine-015", "mine-020"], failed.Select(f => f.GetProperty("assetId").GetString()));
        Assert.All(failed, f => Assert.Equal("failed", f.GetProperty("status").GetString()));
        Assert.Equal("mine 5 has no polygon", failed[1].GetProperty("error").GetString());
    }
}
