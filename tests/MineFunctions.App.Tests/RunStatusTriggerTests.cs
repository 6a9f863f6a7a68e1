using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Tests;

public sealed class RunStatusTriggerTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<(int Status, JsonElement Body)> GetAsync(string id, OrchestrationMetadata? existing)
    {
        var request = HttpTestContext.Request("GET", $"/api/runs/{id}");
        var result = await new RunStatusTrigger().RunAsync(request, id, new FakeDurableClient(existing).Object, CancellationToken.None);
        var (status, _, body) = await HttpTestContext.ExecuteAsync(result, request);
        return (status, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task GivenARunningRun_ThenStatusShowsRuntimeStatusProgressAndTheOutcomesSoFar()
    {
        var progress = new RunProgress("assets", 1, 3, 40, 120, [new AssetOutcome("sishen", "succeeded", 40, 2, null)]);
        var input = new RefreshRequest("refresh-2026-11", [], new PipelineSettings(), "timer");
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "refresh-2026-11")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            CreatedAt = TestOptions.Now,
            LastUpdatedAt = TestOptions.Now.AddMinutes(5),
            SerializedCustomStatus = JsonSerializer.Serialize(progress),
            SerializedInput = JsonSerializer.Serialize(input, Web),
        };

        var (status, body) = await GetAsync("refresh-2026-11", instance);

        Assert.Equal(200, status);
        Assert.Equal("Running", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("timer", body.GetProperty("trigger").GetString());
        Assert.Equal(1, body.GetProperty("progress").GetProperty("assetsDone").GetInt32());
        Assert.Equal(120, body.GetProperty("progress").GetProperty("pairsTotal").GetInt32());
        Assert.Equal("sishen", body.GetProperty("assets")[0].GetProperty("assetId").GetString());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task GivenACompletedRunWithAFailedAsset_ThenStatusShowsEveryOutcomeAndTheAssetsError()
    {
        var output = new RefreshResult("run-all",
            [new AssetOutcome("sishen", "succeeded", 40, 2, null), new AssetOutcome("carajas-n4", "failed", 0, 0, "no polygon")]);
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedOutput = JsonSerializer.Serialize(output, Web),
        };

        var (status, body) = await GetAsync("run-all", instance);

        Assert.Equal(200, status);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, body.GetProperty("assets").GetArrayLength());
        Assert.Equal("carajas-n4: no polygon", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task GivenAFailedRun_ThenStatusShowsItsFailure()
    {
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            FailureDetails = new TaskFailureDetails("InvalidOperationException", "boom", null, null, null),
        };

        var (_, body) = await GetAsync("run-all", instance);

        Assert.Equal("InvalidOperationException: boom", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task GivenAnUnknownRun_ThenStatusIs404Problem()
    {
        var request = HttpTestContext.Request("GET", "/api/runs/refresh-1999-01");
        var result = await new RunStatusTrigger().RunAsync(request, "refresh-1999-01", new FakeDurableClient().Object, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 404);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("RUN")]
    [InlineData("a b")]
    [InlineData("run%2F..")]
    public async Task GivenAnIdOutsideTheAllowlist_ThenStatusIs400AndTheTaskHubIsNotAsked(string id)
    {
        var client = new FakeDurableClient();
        var request = HttpTestContext.Request("GET", "/api/runs/x");
        var result = await new RunStatusTrigger().RunAsync(request, id, client.Object, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 400);
        client.Mock.Verify(c => c.GetInstanceAsync(Moq.It.IsAny<string>(), Moq.It.IsAny<bool>(), Moq.It.IsAny<CancellationToken>()), Moq.Times.Never);
    }

    [Fact]
    public async Task ASubOrchestrationIdOfARunIsAcceptedByTheAllowlist()
    {
        var (status, _) = await GetAsync("refresh-2026-11:sishen", null);

        Assert.Equal(404, status);
    }
}
