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
        var result = await TestOptions.RunRoutes().StatusAsync(request, id, new FakeDurableClient(existing).Object, CancellationToken.None);
        var (status, _, body) = await HttpTestContext.ExecuteAsync(result, request);
        return (status, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task GivenARunningRun_ThenStatusShowsRuntimeStatusTheProgressCountsAndWhereTheAssetsAre()
    {
        var progress = new RunProgress("assets", 1, 0, 3, 40, 40);
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
        Assert.Equal(3, body.GetProperty("progress").GetProperty("assetsTotal").GetInt32());
        Assert.Equal("https://mine.example/api/runs/refresh-2026-11/assets", body.GetProperty("assetsUri").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("failureReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task GivenACompletedRun_ThenStatusShowsItsCounts()
    {
        // No failed asset: the Runs table is not read (RunAssetsTriggerTests covers the listing of failed ones on Azurite).
        var output = new RefreshResult("run-all", 2, 2, 0, 40, 2);
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedOutput = JsonSerializer.Serialize(output, Web),
        };

        var (status, body) = await GetAsync("run-all", instance);

        Assert.Equal(200, status);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal(0, body.GetProperty("result").GetProperty("assetsFailed").GetInt32());
        Assert.Equal(40, body.GetProperty("result").GetProperty("pairs").GetInt32());
        Assert.Equal(0, body.GetProperty("failedAssets").GetArrayLength());
    }

    [Fact]
    public async Task GivenAFailedRunWithFailureDetails_ThenStatusShowsTheReasonAndItsCause()
    {
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            FailureDetails = new TaskFailureDetails("System.ArgumentException", "CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.50 KB.", null,
                new TaskFailureDetails("System.IO.IOException", "disk", null, null, null), null),
        };

        var (_, body) = await GetAsync("run-all", instance);

        Assert.Equal(
            "System.ArgumentException: CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.50 KB.; caused by System.IO.IOException: disk",
            body.GetProperty("failureReason").GetString());
    }

    [Theory]
    // The Functions host may keep a failure's message as the output of the failed instance, with no failure details:
    // as a JSON string, as a serialized exception, or as plain text.
    [InlineData("\"Orchestrator function 'RefreshOrchestrator' failed: CustomStatus is too large\"", "Orchestrator function 'RefreshOrchestrator' failed: CustomStatus is too large")]
    [InlineData("{\"ClassName\":\"System.ArgumentException\",\"Message\":\"CustomStatus is too large\"}", "System.ArgumentException: CustomStatus is too large")]
    [InlineData("CustomStatus is too large", "CustomStatus is too large")]
    public async Task GivenAFailedRunWithoutFailureDetails_ThenStatusShowsTheReasonFromItsOutput(string output, string expected)
    {
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all") { RuntimeStatus = OrchestrationRuntimeStatus.Failed, SerializedOutput = output };

        var (_, body) = await GetAsync("run-all", instance);

        Assert.Equal(expected, body.GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task GivenAFailedRunWithNoReasonAtAll_ThenStatusSaysSoInsteadOfNothing()
    {
        var instance = new OrchestrationMetadata("RefreshOrchestrator", "run-all") { RuntimeStatus = OrchestrationRuntimeStatus.Failed };

        var (_, body) = await GetAsync("run-all", instance);

        Assert.Contains("neither failure details nor an output", body.GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task GivenAnUnknownRun_ThenStatusIs404Problem()
    {
        var request = HttpTestContext.Request("GET", "/api/runs/refresh-1999-01");
        var result = await TestOptions.RunRoutes().StatusAsync(request, "refresh-1999-01", new FakeDurableClient().Object, CancellationToken.None);

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
        var result = await TestOptions.RunRoutes().StatusAsync(request, id, client.Object, CancellationToken.None);

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
