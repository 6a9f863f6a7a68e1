using MineFunctions.Cli.Commands;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Integration.Tests;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_ListsRunsNewestFirst_AndShowsOneWithProgressOutputAndSubOrchestrations()
    {
        var hub = "t" + Guid.NewGuid().ToString("N")[..12];
        var options = new LocalEngineOptions { ConnectionString = TestStorage.ConnectionString, TaskHub = hub };
        var engine = await LocalEngineHost.StartAsync(options, EngineTestTasks.Register);
        try
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), new FanOutInput(3, 3),
                new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = "run-a" });
            await InstanceWatcher.WaitForCompletionAsync(engine.Client, "run-a", TimeSpan.FromMilliseconds(100), cancellationToken: new CancellationTokenSource(60_000).Token);

            var list = new StringWriter();
            var listCode = await StatusCommand.ReportAsync(TestStorage.ConnectionString, hub, null, 20, all: false, list, CancellationToken.None);
            var listAll = new StringWriter();
            await StatusCommand.ReportAsync(TestStorage.ConnectionString, hub, null, 20, all: true, listAll, CancellationToken.None);
            var one = new StringWriter();
            var oneCode = await StatusCommand.ReportAsync(TestStorage.ConnectionString, hub, "run-a", 20, all: false, one, CancellationToken.None);
            var missing = new StringWriter();
            var missingCode = await StatusCommand.ReportAsync(TestStorage.ConnectionString, hub, "nope", 20, all: false, missing, CancellationToken.None);

            Assert.Equal(0, listCode);
            Assert.Contains("run-a", list.ToString());
            Assert.DoesNotContain("run-a:sum", list.ToString());
            Assert.Contains("run-a:sum", listAll.ToString());
            Assert.Equal(0, oneCode);
            Assert.Contains("Status:    Completed", one.ToString());
            Assert.Contains("\"sumOfSquares\":5", one.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("run-a:sum", one.ToString());
            Assert.Equal(1, missingCode);
        }
        finally
        {
            await engine.DeleteTaskHubAsync();
        }
    }
}
