using System.Text.Json;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Tests;

public sealed class StartRunTriggerTests
{
    private static RunTriggers Trigger() => TestOptions.RunRoutes();

    [Fact]
    public async Task GivenNoBody_WhenARunIsPosted_ThenEveryAssetRunStartsAnd202PointsAtItsStatus()
    {
        var client = new FakeDurableClient();
        var request = HttpTestContext.Request("POST", "/api/runs");

        var result = await Trigger().StartAsync(request, client.Object, CancellationToken.None);

        var (status, _, body) = await HttpTestContext.ExecuteAsync(result, request);
        Assert.Equal(202, status);
        Assert.Equal("https://mine.example/api/runs/run-all", request.HttpContext.Response.Headers.Location.ToString());
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("run-all", json.GetProperty("id").GetString());
        Assert.Equal("https://mine.example/api/runs/run-all", json.GetProperty("statusUri").GetString());
        var request0 = Assert.IsType<RefreshRequest>(Assert.Single(client.Scheduled).Input);
        Assert.Empty(request0.AssetIds);
        Assert.Equal("http", request0.Trigger);
    }

    [Fact]
    public async Task GivenAnAssetList_WhenARunIsPosted_ThenThoseDistinctAssetsRunUnderAnIdOfTheSet()
    {
        var client = new FakeDurableClient();
        var request = HttpTestContext.Request("POST", "/api/runs", """{ "assets": ["sishen", "carajas-n4", "sishen"] }""");

        var result = await Trigger().StartAsync(request, client.Object, CancellationToken.None);

        var accepted = Assert.IsType<AppApi.ApiActionResult>(result).Response;
        Assert.Equal(202, accepted.Status);
        var run = Assert.IsType<RunAccepted>(accepted.Value);
        Assert.Equal(RunIds.ForAssets(["carajas-n4", "sishen"]), run.Id);
        Assert.Equal(RunIds.ForAssets(["sishen", "carajas-n4"]), run.Id);
        Assert.Equal(["carajas-n4", "sishen"], Assert.IsType<RefreshRequest>(Assert.Single(client.Scheduled).Input).AssetIds);
    }

    [Fact]
    public async Task GivenTheSameRunIsRunning_WhenItIsPostedAgain_Then409ProblemAndNothingStarts()
    {
        var client = new FakeDurableClient(FakeDurableClient.Instance("run-all", OrchestrationRuntimeStatus.Running, TestOptions.Now.AddMinutes(-3)));
        var request = HttpTestContext.Request("POST", "/api/runs", "");

        var result = await Trigger().StartAsync(request, client.Object, CancellationToken.None);

        var problem = await HttpTestContext.ProblemAsync(result, request, 409);
        Assert.Contains("run-all", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(client.Scheduled);
    }

    [Fact]
    public async Task GivenTheSameRunCompletedBefore_WhenItIsPostedAgain_ThenAFreshRunStarts()
    {
        var client = new FakeDurableClient(FakeDurableClient.Instance("run-all", OrchestrationRuntimeStatus.Completed, TestOptions.Now.AddDays(-3)));
        var request = HttpTestContext.Request("POST", "/api/runs");

        var result = await Trigger().StartAsync(request, client.Object, CancellationToken.None);

        Assert.Equal(202, Assert.IsType<AppApi.ApiActionResult>(result).Response.Status);
        Assert.Equal(["purge", "schedule"], client.Order);
    }

    [Theory]
    [InlineData("{ \"assets\": [")]
    [InlineData("[\"a\"]")]
    [InlineData("{ \"asets\": [\"a\"] }")]
    [InlineData("{ \"assets\": \"a\" }")]
    [InlineData("{ \"assets\": [\"../etc\"] }")]
    [InlineData("{ \"assets\": [\"UPPER\"] }")]
    [InlineData("{ \"assets\": [null] }")]
    [InlineData("{ \"assets\": [\"carajas\\n\"] }")] // a trailing newline, which a regex ending in '$' lets through
    public async Task GivenAMalformedBody_WhenARunIsPosted_Then400ProblemAndNothingStarts(string body)
    {
        var client = new FakeDurableClient();
        var request = HttpTestContext.Request("POST", "/api/runs", body);

        var result = await Trigger().StartAsync(request, client.Object, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 400);
        Assert.Empty(client.Order);
    }

    [Fact]
    public async Task GivenMoreAssetsThanTheLimit_WhenARunIsPosted_Then400()
    {
        var assets = Enumerable.Range(0, RunsApi.MaxAssets + 1).Select(i => $"\"m{i}\"");
        var request = HttpTestContext.Request("POST", "/api/runs", $"{{ \"assets\": [{string.Join(',', assets)}] }}");

        var result = await Trigger().StartAsync(request, new FakeDurableClient().Object, CancellationToken.None);

        var problem = await HttpTestContext.ProblemAsync(result, request, 400);
        Assert.Contains("1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenABodyOverTheSizeLimit_WhenARunIsPosted_Then413EvenWithoutAContentLength()
    {
        var body = $"{{ \"assets\": [\"{new string('a', RunsApi.MaxBodyBytes)}\"] }}";
        var request = HttpTestContext.Request("POST", "/api/runs", body);
        request.ContentLength = null;

        var result = await Trigger().StartAsync(request, new FakeDurableClient().Object, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 413);
    }

    [Fact]
    public async Task ADeclaredContentLengthOverTheLimitIsRefusedBeforeReading() =>
        Assert.Null(await BoundedBody.ReadAsync(new MemoryStream("{}"u8.ToArray()), RunsApi.MaxBodyBytes + 1, RunsApi.MaxBodyBytes, CancellationToken.None));
}
