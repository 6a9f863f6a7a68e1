using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Cli.Tests.LocalEngine;

public sealed class EngineLogFileTests
{
    [Fact]
    public void NoPath_NoLog() => Assert.Null(EngineLogFile.ToFile(" "));

    [Fact]
    public async Task AnEngineGivenTheFile_WritesWhatItRanThere_WithTheFailureOfAnActivity()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("engine-log").FullName, "engine.log");
        string id;
        using (var logs = EngineLogFile.ToFile(path)!)
        {
            await using var engine = await LocalEngineHost.StartAsync(
                new LocalEngineOptions { Kind = EngineKind.Memory },
                r => r.AddOrchestrator<InMemoryEngineTests.FailingOrchestrator>().AddActivity<InMemoryEngineTests.FailingActivity>(),
                loggerFactory: logs);
            id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(InMemoryEngineTests.FailingOrchestrator), "p7");
            var done = await InstanceWatcher.WaitForCompletionAsync(engine.Client, id, TimeSpan.FromMilliseconds(50), cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        }

        var lines = File.ReadAllLines(path);
        // The worker logs each orchestration and activity it runs, by name and instance id.
        Assert.Contains(lines, l => l.Contains(nameof(InMemoryEngineTests.FailingActivity), StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} (Information|Warning|Error|Critical) ", l));
    }
}
