using DurableTask.Core;
using DurableTask.Core.History;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Cli.Tests.LocalEngine;

/// <summary>What `mine worker` counts and prints, and the options it refuses (the two-process crash test is in Integration.Tests).</summary>
public sealed class WorkerTests
{
    private static TaskActivityWorkItem Activity(string name, string instance) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TaskMessage = new TaskMessage
        {
            Event = new TaskScheduledEvent(1) { Name = name },
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instance },
        },
    };

    [Fact]
    public void TheWorkLog_CountsWhatIsHeldByName_AndOnlyCompletedWorkAsDone()
    {
        var log = new WorkLog();
        var ndai1 = Activity("NdaiActivity", "run-1:mine-a");
        var ndai2 = Activity("NdaiActivity", "run-1:mine-b");
        var composite = Activity("CompositeActivity", "run-2:mine-c");
        var episode = new TaskOrchestrationWorkItem { InstanceId = "run-1" };
        log.ActivityTaken(ndai1);
        log.ActivityTaken(ndai2);
        log.ActivityTaken(composite);
        log.ActivityTaken(null); // a receive that timed out
        log.EpisodeTaken(episode);

        Assert.Equal("run-1,run-2: 3 activities (CompositeActivity 1, NdaiActivity 2), 1 orchestrations | done: 0 activities, 0 orchestration episodes",
            log.Snapshot().Line());

        log.ActivityFinished(ndai1, completed: true);
        log.ActivityFinished(ndai1, completed: true); // reported twice: counted once
        log.ActivityFinished(ndai2, completed: false); // abandoned: handed back, not done
        log.ActivityFinished(composite, completed: true);
        log.EpisodeCompleted(episode);
        log.EpisodeReleased(episode);

        var idle = log.Snapshot();
        Assert.Equal((0, 0, 2L, 1L), (idle.ActivitiesRunning, idle.RunningEpisodes, idle.ActivitiesDone, idle.EpisodesDone));
        Assert.Equal("idle | done: 2 activities, 1 orchestration episodes", idle.Line());
    }

    [Fact]
    public void EachEngine_HasItsOwnLeaseOwnerName_EvenInOneProcess()
    {
        var a = new LocalEngineOptions();
        var b = new LocalEngineOptions();
        Assert.NotEqual(a.WorkerId, b.WorkerId);
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", a.WorkerId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public void APartitionLeaseOutsideTheBlobLeaseRange_IsRefused(int seconds) =>
        Assert.Contains("15 to 60 seconds",
            Assert.Throws<ArgumentException>(() => new LocalEngineOptions { Kind = EngineKind.Memory, PartitionLease = TimeSpan.FromSeconds(seconds) }.Validated()).Message);

    [Theory]
    [InlineData("worker", "--partition-lease-seconds", "5", "15 to 60 seconds")]
    [InlineData("worker", "--lease-seconds", "2", "--lease-seconds must be at least 5")]
    [InlineData("worker", "--partitions", "17", "PartitionCount must be between 1 and 16")]
    [InlineData("worker", "--task-hub", "no-dashes", "Invalid task hub name")]
    [InlineData("run", "--input", ".", "--no-work", "--engine", "memory", "--no-work needs the azure engine")]
    public async Task BadOptions_AreUsageErrors_BeforeAnythingStarts(params string[] argsAndMessage)
    {
        var (code, _, err) = await Mine.RunAsync(argsAndMessage[..^1]);
        Assert.Equal(2, code);
        Assert.Contains(argsAndMessage[^1], err);
    }
}
