using Microsoft.DurableTask;

namespace MineFunctions.Integration.Tests;

/// <summary>A small workflow shaped like the real one: fan-out in batches, custom status, a sub-orchestration.</summary>
public sealed record FanOutInput(int Count, int BatchSize);

public sealed record FanOutResult(int Activities, long SumOfSquares, long SubTotal, string SubInstanceId);

public sealed record FanOutProgress(string Stage, int Done, int Total);

public sealed class FanOutOrchestrator : TaskOrchestrator<FanOutInput, FanOutResult>
{
    public override async Task<FanOutResult> RunAsync(TaskOrchestrationContext context, FanOutInput input)
    {
        var squares = new List<long>(input.Count);
        for (var start = 0; start < input.Count; start += input.BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(input.BatchSize, input.Count - start))
                .Select(i => context.CallActivityAsync<long>(nameof(SquareActivity), i));
            squares.AddRange(await Task.WhenAll(batch));
            context.SetCustomStatus(new FanOutProgress("squares", squares.Count, input.Count));
        }

        var subId = context.InstanceId + ":sum";
        var subTotal = await context.CallSubOrchestratorAsync<long>(
            nameof(SumOrchestrator), squares, new SubOrchestrationOptions { InstanceId = subId });
        context.SetCustomStatus(new FanOutProgress("done", squares.Count, input.Count));
        return new FanOutResult(squares.Count, squares.Sum(), subTotal, subId);
    }
}

public sealed class SumOrchestrator : TaskOrchestrator<List<long>, long>
{
    public override Task<long> RunAsync(TaskOrchestrationContext context, List<long> input) =>
        context.CallActivityAsync<long>(nameof(SumActivity), input);
}

public sealed class SquareActivity : TaskActivity<int, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
}

public sealed class SumActivity : TaskActivity<List<long>, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, List<long> input) => Task.FromResult(input.Sum());
}

public static class EngineTestTasks
{
    public static void Register(DurableTaskRegistry r) =>
        r.AddOrchestrator<FanOutOrchestrator>().AddOrchestrator<SumOrchestrator>().AddActivity<SquareActivity>().AddActivity<SumActivity>();
}
