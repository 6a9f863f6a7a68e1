using System.Text.Json;
using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Runs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Options;
using MineFunctions.App.Triggers;
using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Tests;

public sealed class MonthlyRefreshTriggerTests
{
    private static MonthlyRefreshTrigger Trigger(DateTimeOffset now, TimeSpan? staleAge = null, AcquisitionOptions? acquisition = null) =>
        new(TestOptions.Starter(new FixedTimeProvider(now)), new FixedTimeProvider(now),
            TestOptions.Wrap(TestOptions.App(staleAge)), TestOptions.Wrap(TestOptions.Pipeline()), TestOptions.Wrap(acquisition ?? new AcquisitionOptions()));

    [Fact]
    public async Task GivenNoRunThisMonth_WhenTheTimerFires_ThenItStartsTheMonthsRefreshWithASettingsSnapshot()
    {
        var client = new FakeDurableClient();

        var start = await Trigger(TestOptions.Now).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.Started, start.Status);
        var (name, input, options) = Assert.Single(client.Scheduled);
        Assert.Equal("MonthlyOrchestrator", name.Name);
        Assert.Equal("monthly-2026-11", options?.InstanceId);
        var monthly = Assert.IsType<MonthlyRequest>(input);
        Assert.Null(monthly.Acquisition); // off by default: the month is the refresh alone
        var request = monthly.Refresh;
        Assert.Equal("refresh-2026-11", request.RunId);
        Assert.Empty(request.AssetIds);
        Assert.Equal("timer", request.Trigger);
        Assert.Equal(JsonSerializer.Serialize(TestOptions.Pipeline().ToSettings()), JsonSerializer.Serialize(request.Settings));
        Assert.Equal(9, request.Settings.WindowX);
        Assert.Equal([12, 24, 36], request.Settings.TemporalBaselinesDays);
    }

    [Fact]
    public async Task TheTimerEntryPointStartsTheSameInstanceAsTheOutcomeMethod()
    {
        var client = new FakeDurableClient();

        await Trigger(new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero)).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), client.Object, CancellationToken.None);

        Assert.Equal("monthly-2027-01", Assert.Single(client.Scheduled).Options?.InstanceId);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed, RunStartStatus.AlreadyDone)]
    [InlineData(OrchestrationRuntimeStatus.Running, RunStartStatus.AlreadyRunning)]
    [InlineData(OrchestrationRuntimeStatus.Pending, RunStartStatus.AlreadyRunning)]
    public async Task GivenThisMonthsRunExists_WhenTheTimerFiresAgainInTheSameMonth_ThenNothingIsStarted(
        OrchestrationRuntimeStatus status, RunStartStatus expected)
    {
        var firstTick = TestOptions.Now;
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-11", status, firstTick));

        var start = await Trigger(firstTick.AddHours(6)).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(expected, start.Status);
        Assert.False(start.StartedNew);
        Assert.Empty(client.Scheduled);
        Assert.Empty(client.Terminated);
        Assert.Empty(client.Purged);
    }

    [Fact]
    public async Task GivenLastMonthsRunStillExists_WhenTheTimerFiresInANewMonth_ThenTheNewMonthStarts()
    {
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-10", OrchestrationRuntimeStatus.Running, TestOptions.Now.AddDays(-31)));

        var start = await Trigger(TestOptions.Now).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.Started, start.Status);
        Assert.Equal("monthly-2026-11", Assert.Single(client.Scheduled).Options?.InstanceId);
    }

    [Fact]
    public async Task GivenThisMonthsRunIsRunningLongerThanTheStaleAge_WhenTheTimerFires_ThenItIsTerminatedPurgedAndStartedAgain()
    {
        var created = TestOptions.Now;
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-11", OrchestrationRuntimeStatus.Running, created));

        var start = await Trigger(created.AddDays(3), staleAge: TimeSpan.FromDays(2)).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.RestartedStale, start.Status);
        Assert.Equal(["terminate", "purge", "schedule"], client.Order);
        Assert.Equal("monthly-2026-11", Assert.Single(client.Scheduled).Options?.InstanceId);
    }

    [Fact]
    public async Task GivenARunningRunYoungerThanTheStaleAge_WhenTheTimerFires_ThenItIsLeftAlone()
    {
        var created = TestOptions.Now;
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-11", OrchestrationRuntimeStatus.Running, created));

        var start = await Trigger(created.AddDays(1), staleAge: TimeSpan.FromDays(2)).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.AlreadyRunning, start.Status);
        Assert.Empty(client.Order);
    }

    [Fact]
    public async Task GivenAStaleRunThatDoesNotStopInTime_WhenTheTimerFires_ThenNothingIsPurgedOrStarted()
    {
        var created = TestOptions.Now;
        var client = new FakeDurableClient(
            FakeDurableClient.Instance("monthly-2026-11", OrchestrationRuntimeStatus.Running, created), terminationCompletes: false);

        var start = await Trigger(created.AddDays(5)).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.TerminationPending, start.Status);
        Assert.Equal(["terminate"], client.Order);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task GivenThisMonthsRunFailed_WhenTheTimerFiresAgain_ThenItIsPurgedAndStartedAgain(OrchestrationRuntimeStatus status)
    {
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-11", status, TestOptions.Now));

        var start = await Trigger(TestOptions.Now.AddHours(1)).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        Assert.Equal(RunStartStatus.Restarted, start.Status);
        Assert.Equal(["purge", "schedule"], client.Order);
    }

    [Fact]
    public async Task GivenAcquisitionIsEnabled_WhenTheTimerFires_ThenTheMonthFetchesFirst_WithThePipelinesPairRules()
    {
        var client = new FakeDurableClient();
        var acquisition = new AcquisitionOptions { Enabled = true, EarthdataToken = "token-not-logged", Timeout = TimeSpan.FromHours(30) };

        await Trigger(TestOptions.Now, acquisition: acquisition).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);

        var monthly = Assert.IsType<MonthlyRequest>(Assert.Single(client.Scheduled).Input);
        Assert.Equal("refresh-2026-11", monthly.Refresh.RunId);
        Assert.NotNull(monthly.Acquisition);
        Assert.Equal([12, 24, 36], monthly.Acquisition.TemporalBaselinesDays);
        Assert.Equal(TimeSpan.FromHours(30), monthly.Acquisition.Timeout);
        // The token stays in the host: it never enters the orchestration input (and so the history).
        Assert.DoesNotContain("token-not-logged", JsonSerializer.Serialize(monthly));
    }

    [Fact]
    public async Task GivenAcquisitionIsEnabled_ARunningMonthIsStaleOnlyAfterTheStaleAgePlusTheAcquisitionTimeout()
    {
        var created = TestOptions.Now;
        var acquisition = new AcquisitionOptions { Enabled = true, EarthdataToken = "t", Timeout = TimeSpan.FromDays(2) };
        var client = new FakeDurableClient(FakeDurableClient.Instance("monthly-2026-11", OrchestrationRuntimeStatus.Running, created));

        // 3 days: past the 2-day stale age, within 2 + 2 days.
        var start = await Trigger(created.AddDays(3), staleAge: TimeSpan.FromDays(2), acquisition: acquisition).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);
        Assert.Equal(RunStartStatus.AlreadyRunning, start.Status);

        start = await Trigger(created.AddDays(4.5), staleAge: TimeSpan.FromDays(2), acquisition: acquisition).StartMonthlyRefreshAsync(client.Object, CancellationToken.None);
        Assert.Equal(RunStartStatus.RestartedStale, start.Status);
    }
}
