using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>The sliding-window fan-out on the in-memory Durable engine, and the size of the run state it reports.</summary>
public sealed class SlidingWindowTests
{
    /// <summary>
    /// Item 0 is slow: it ends only once the seven others have (or after 20 s, which only lock-step
    /// batches would need); every other item is quick. Each call records when it started and finished.
    /// </summary>
    private sealed class Timeline
    {
        public ConcurrentQueue<string> Events { get; } = new();
        private readonly TaskCompletionSource _othersDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _othersEnded;
        private int _inFlight;
        public int MaxInFlight;

        public async Task<int> CallAsync(int item)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref MaxInFlight)) && Interlocked.CompareExchange(ref MaxInFlight, now, seen) != seen) { }
            Events.Enqueue($"start {item}");
            if (item == 0) await Task.WhenAny(_othersDone.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            else await Task.Delay(30);
            Events.Enqueue($"end {item}");
            if (item != 0 && Interlocked.Increment(ref _othersEnded) == 7) _othersDone.TrySetResult();
            Interlocked.Decrement(ref _inFlight);
            return item * item;
        }
    }

    private sealed class WindowOrchestrator : TaskOrchestrator<int, int[]>
    {
        public override Task<int[]> RunAsync(TaskOrchestrationContext context, int window) =>
            SlidingWindow.RunAsync(Enumerable.Range(0, 8).ToList(), window, i => context.CallActivityAsync<int>("Call", i));
    }

    [Fact]
    public async Task ANewCallStartsWhenAnyFinishes_NeverMoreThanTheWindow_AndResultsComeBackInItemOrder()
    {
        var timeline = new Timeline();
        await using var host = await TestEngine.StartAsync(r =>
        {
            r.AddOrchestrator<WindowOrchestrator>();
            r.AddActivityFunc<int, int>("Call", (_, i) => timeline.CallAsync(i));
        });

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WindowOrchestrator), 2);
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, meta.RuntimeStatus);
        Assert.Equal([0, 1, 4, 9, 16, 25, 36, 49], meta.ReadOutputAs<int[]>()!);
        Assert.Equal(2, timeline.MaxInFlight);
        // Lock-step batches of two would hold items 2..7 until the slow item 0 ends; a sliding window
        // runs all of them through the second slot meanwhile.
        var events = timeline.Events.ToList();
        var slowEnd = events.IndexOf("end 0");
        Assert.All(Enumerable.Range(1, 7), i => Assert.True(events.IndexOf($"end {i}") < slowEnd, string.Join(", ", events)));
    }

    [Fact]
    public void TheRunsCustomStatus_StaysUnder1Kb_At10000AssetsOf500Pairs()
    {
        var tally = new RunTally("refresh-2026-11", 10_000);
        for (var i = 0; i < 10_000; i++)
            tally.Add(new AssetOutcome($"asset-{i:D5}", i % 7 == 0 ? AssetOutcome.Failed : AssetOutcome.Succeeded, 500, 50, i % 7 == 0 ? "no usable pair" : null));

        var progress = tally.Progress("estimate");
        var result = tally.Result();

        Assert.Equal(new RunProgress("estimate", 10_000, 1429, 10_000, 5_000_000, 5_000_000), progress);
        Assert.Equal(new RefreshResult("refresh-2026-11", 10_000, 8571, 1429, 5_000_000, 500_000), result);
        foreach (var json in new[] { JsonSerializer.Serialize(progress), JsonSerializer.Serialize(result), JsonSerializer.Serialize(progress, new JsonSerializerOptions(JsonSerializerDefaults.Web)) })
            Assert.True(Encoding.Unicode.GetByteCount(json) <= 1024, $"{Encoding.Unicode.GetByteCount(json)} bytes: {json}");
    }
}
