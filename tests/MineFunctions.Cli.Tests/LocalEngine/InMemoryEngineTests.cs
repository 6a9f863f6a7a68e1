using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Cli.Tests.LocalEngine;

public sealed class InMemoryEngineTests
{
    /// <summary>Each call waits until <see cref="Width"/> calls are inside at once: it completes only if the engine runs them concurrently.</summary>
    public sealed class RendezvousActivity : TaskActivity<int, int>
    {
        public const int Width = 12;
        private static int _inside;
        private static readonly TaskCompletionSource AllInside = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<int> RunAsync(TaskActivityContext context, int input)
        {
            if (Interlocked.Increment(ref _inside) >= Width) AllInside.TrySetResult();
            await AllInside.Task.WaitAsync(TimeSpan.FromSeconds(20));
            return input;
        }
    }

    public sealed class RendezvousOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(RendezvousActivity), i)));
            return results.Sum();
        }
    }

    public sealed class FailingActivity : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => throw new InvalidDataException($"bad pair {input}");
    }

    public sealed class FailingOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<string>(nameof(FailingActivity), input);
    }

    private static void Register(DurableTaskRegistry r) =>
        r.AddOrchestrator<RendezvousOrchestrator>().AddActivity<RendezvousActivity>().AddOrchestrator<FailingOrchestrator>().AddActivity<FailingActivity>();

    [Fact]
    public async Task InMemoryEngine_RunsMoreActivitiesAtOnceThanTheProcessorCount()
    {
        Assert.True(RendezvousActivity.Width > Environment.ProcessorCount);
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory, MaxConcurrentActivities = 32 }, Register);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RendezvousOrchestrator), RendezvousActivity.Width);
        var done = await InstanceWatcher.WaitForCompletionAsync(engine.Client, id, TimeSpan.FromMilliseconds(50), cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, RendezvousActivity.Width).Sum(), done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task FailingActivity_FailsTheOrchestration_AndTheWatcherReturnsItsFailureDetails()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, Register);
        var changes = new List<OrchestrationRuntimeStatus>();

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailingOrchestrator), "p1");
        var done = await InstanceWatcher.WaitForCompletionAsync(engine.Client, id, TimeSpan.FromMilliseconds(50), m => changes.Add(m.RuntimeStatus),
            new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var details = new StringWriter();
        InstanceFormatter.WriteDetails(done, details);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, changes[^1]);
        Assert.Contains("bad pair p1", details.ToString());
    }
}
