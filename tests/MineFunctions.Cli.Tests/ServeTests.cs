using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MineFunctions.Cli.Commands;
using MineFunctions.Cli.Serving;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.Cli.Tests;

/// <summary>`mine serve` without starting it: options, key check, schedule arithmetic and the route table.</summary>
public sealed class ServeTests
{
    [Fact]
    public void Defaults_LoopbackOnFuncStartsPort_AGeneratedKey_TheAppsMonthlySchedule_AndATenSecondWatcher()
    {
        var options = ServeCommand.Parse(new CliArguments([]));

        Assert.Equal(IPAddress.Loopback, options.Address);
        Assert.Equal(7071, options.Port);
        Assert.True(options.KeyGenerated);
        Assert.Equal(43, options.Key.Value.Length); // 32 random bytes, base64url without padding
        Assert.NotEqual(options.Key.Value, ServeCommand.Parse(new CliArguments([])).Key.Value);
        Assert.Equal("0 0 3 1 * *", options.ScheduleText);
        Assert.NotNull(options.Schedule);
        Assert.Equal(TimeSpan.FromSeconds(10), options.WatchInterval);
    }

    [Fact]
    public void GivenOptions_TheyAreTaken_AndOffTurnsScheduleAndWatcherOff()
    {
        var options = ServeCommand.Parse(new CliArguments(["--bind", "0.0.0.0", "--port", "0", "--key", "a-key-of-twenty-chars", "--schedule", "off", "--watch-seconds", "0"]));

        Assert.Equal(IPAddress.Any, options.Address);
        Assert.Equal(0, options.Port);
        Assert.False(options.KeyGenerated);
        Assert.Equal("a-key-of-twenty-chars", options.Key.Value);
        Assert.Null(options.Schedule);
        Assert.Null(options.WatchInterval);
    }

    [Theory]
    [InlineData("--bind", "localhost", "not an IP address")]
    [InlineData("--port", "65536", "--port")]
    [InlineData("--key", "short", "at least 16")]
    [InlineData("--schedule", "0 3 1 * *", "six-field")]
    [InlineData("--schedule", "0 0 25 1 * *", "six-field")]
    [InlineData("--watch-seconds", "-1", "--watch-seconds")]
    public async Task ABadOption_IsAUsageErrorNamingIt_BeforeAnythingStarts(string option, string value, string message)
    {
        var (code, _, error) = await Mine.RunAsync("serve", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    // The 1st of the month at 03:00 UTC: the next one, strictly after the given instant.
    [InlineData("0 0 3 1 * *", "2026-12-06T05:00:00Z", "2027-01-01T03:00:00Z")]
    [InlineData("0 0 3 1 * *", "2027-01-01T03:00:00Z", "2027-02-01T03:00:00Z")]
    [InlineData("0 0 3 1 * *", "2027-01-01T02:59:59Z", "2027-01-01T03:00:00Z")]
    // Every 30 seconds.
    [InlineData("*/30 * * * * *", "2026-12-06T05:00:10Z", "2026-12-06T05:00:30Z")]
    public void TheScheduleFiresAtTheNextNcrontabInstant(string cron, string after, string expected)
    {
        var scheduler = new RefreshScheduler(RefreshScheduler.Parse(cron), _ => throw new InvalidOperationException("not called"), TextWriter.Null);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            scheduler.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("x-functions-key", "the-right-key-123456", null, true)]
    [InlineData(null, null, "the-right-key-123456", true)]
    [InlineData("x-functions-key", "the-wrong-key-123456", null, false)]
    [InlineData("x-functions-key", "the-right-key-1234567", null, false)]
    [InlineData(null, null, "the-right-key", false)]
    [InlineData(null, null, null, false)]
    [InlineData("authorization", "the-right-key-123456", null, false)]
    public void TheKeyIsAcceptedFromTheFunctionsHeaderOrTheCodeParameter_Only(string? header, string? value, string? code, bool accepted)
    {
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers[header] = value;
        if (code is not null) context.Request.QueryString = QueryString.Create("code", code);

        Assert.Equal(accepted, new ApiKey("the-right-key-123456").Accepts(context.Request));
    }

    [Fact]
    public void EveryRouteOfTheSharedApiIsMapped_UnderApi_WithItsMethod()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        ServeRoutes.Map(app, new ServeContext(null!, null!, null!));

        var mapped = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText, Method: Assert.Single(e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)))
            .OrderBy(r => r.Route, StringComparer.Ordinal).ToList();
        var shared = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(ApiRoutes.Prefix))
            .Select(f => "/api/" + (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);

        // Every shared route is mapped, each (route, method) once; /api/runs is GET (list) and POST (start).
        Assert.Equal(shared, mapped.Select(r => r.Route).Distinct());
        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Equal(["GET", "POST"], mapped.Where(r => r.Route == "/api/runs").Select(r => r.Method).Order(StringComparer.Ordinal));
        Assert.All(mapped.Where(r => r.Route != "/api/runs"), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task EachTickStartsTheRefresh_AndAFailedStartDoesNotStopTheSchedule()
    {
        var ticks = 0;
        var twoTicks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var scheduler = new RefreshScheduler(RefreshScheduler.Parse("* * * * * *"), _ =>
        {
            if (Interlocked.Increment(ref ticks) == 2) twoTicks.TrySetResult();
            return ticks == 1
                ? throw new InvalidOperationException("the engine is not there")
                : Task.FromResult(new MineFunctions.Workflow.Runs.RunStart("refresh-2026-12", MineFunctions.Workflow.Runs.RunStartStatus.Started, "new instance"));
        }, TextWriter.Synchronized(output));

        var running = scheduler.RunAsync(stop.Token);
        await twoTicks.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Contains("schedule: the refresh did not start: the engine is not there", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("schedule: run refresh-2026-12 Started (new instance)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultScheduleIsTheOneTheAppDefaultsTo() =>
        Assert.Equal("0 0 3 1 * *", MonthlyRefresh.DefaultSchedule);
}
