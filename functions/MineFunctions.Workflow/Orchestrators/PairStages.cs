using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// The per-pair stages of an asset (coherence, NDAI): every pair's activity through a sliding window
/// of <see cref="PipelineSettings.PairBatchSize"/> calls (<see cref="SlidingWindow"/>; NDAI pairs of small rasters
/// several to a call, <see cref="PipelineSettings.NdaiBatchPixels"/>), each call
/// retrying transient failures (<see cref="ActivityRetry"/>); a pair that still fails becomes a
/// recorded failure with its reason, so one bad pair never sinks its asset. Up to
/// <see cref="PairChunkTask.MaxPairs"/> pairs run inline in the asset's orchestration; more run one
/// chunk after another in <see cref="PairChunkOrchestrator"/> sub-orchestrations, so an asset of
/// 500 pairs replays a history of a few chunks, not of a thousand activity events.
/// </summary>
internal static class PairStages
{
    /// <summary>Longest failure reason a pair outcome carries (PairResults has the whole one).</summary>
    public const int MaxReason = 300;

    /// <summary>Runs <paramref name="stage"/> over <paramref name="pairs"/>; results in pair order.</summary>
    public static async Task<IReadOnlyList<T>> RunAsync<T>(
        TaskOrchestrationContext context, AssetScope scope, string stage, IReadOnlyList<PairWork> pairs,
        Func<PairChunkResult, IReadOnlyList<T>> pick, Action<int> onDone, int pairsPerCall = 1)
    {
        if (pairs.Count <= PairChunkTask.MaxPairs)
            return pick(await InlineAsync(context, new PairChunkTask(scope, stage, pairs, pairsPerCall), onDone));

        var results = new List<T>(pairs.Count);
        var chunks = PairChunkTask.Split(pairs, StoredLists.SizeOf);
        for (var i = 0; i < chunks.Count; i++)
        {
            var task = new PairChunkTask(scope, stage, chunks[i], pairsPerCall);
            PairChunkResult chunk;
            try
            {
                chunk = await context.CallSubOrchestratorAsync<PairChunkResult>(nameof(PairChunkOrchestrator), task,
                    new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:{stage}:{i:D4}" });
            }
            catch (TaskFailedException ex)
            {
                chunk = Failed(task, ex.FailureDetails.ErrorMessage);
            }
            results.AddRange(pick(chunk));
            onDone(results.Count);
        }
        return results;
    }

    /// <summary>One chunk's stage in the calling orchestration (the chunk orchestrator, or an asset small enough to be one chunk).</summary>
    public static async Task<PairChunkResult> InlineAsync(TaskOrchestrationContext context, PairChunkTask task, Action<int> onDone)
    {
        var window = task.Scope.Settings.PairBatchSize;
        return task.Stage switch
        {
            PairChunkTask.Coherence => new PairChunkResult(await SlidingWindow.RunAsync(task.Pairs, window,
                p => GuardAsync(() => context.CallActivityAsync<CoherenceOutcome>(nameof(CoherenceActivity), new PairTask(task.Scope, p), ActivityRetry.Options), e => FailedCoherence(p, e)),
                (done, _) => onDone(done)), []),
            PairChunkTask.Ndai when task.PairsPerCall <= 1 => new PairChunkResult([], await SlidingWindow.RunAsync(task.Pairs, window,
                p => NdaiAsync(context, task.Scope, p), (done, _) => onDone(done))),
            PairChunkTask.Ndai => new PairChunkResult([], await NdaiBatchesAsync(context, task, onDone)),
            _ => throw new ArgumentException($"Unknown pair stage '{task.Stage}'."),
        };
    }

    /// <summary>
    /// NDAI of a chunk's pairs several to a call (<see cref="PairChunkTask.PairsPerCall"/>), the calls through the
    /// sliding window. A call that still fails after its retries is run again one pair a call, so only the pair at
    /// fault is recorded as failed, as it would have been without batches. Outcomes in pair order.
    /// </summary>
    private static async Task<IReadOnlyList<PairOutcome>> NdaiBatchesAsync(TaskOrchestrationContext context, PairChunkTask task, Action<int> onDone)
    {
        var batches = PairChunkTask.Split(task.Pairs, StoredLists.SizeOf, task.PairsPerCall);
        var done = 0;
        var results = await SlidingWindow.RunAsync<IReadOnlyList<PairWork>, IReadOnlyList<PairOutcome>>(batches, task.Scope.Settings.PairBatchSize, async batch =>
        {
            if (batch.Count == 1) return [await NdaiAsync(context, task.Scope, batch[0])];
            try
            {
                return await context.CallActivityAsync<IReadOnlyList<PairOutcome>>(nameof(NdaiBatchActivity), new PairBatchTask(task.Scope, batch), ActivityRetry.Options);
            }
            catch (TaskFailedException)
            {
                var one = new List<PairOutcome>(batch.Count);
                foreach (var pair in batch) one.Add(await NdaiAsync(context, task.Scope, pair));
                return one;
            }
        }, (_, outcomes) => onDone(done += outcomes.Count));
        return [.. results.SelectMany(r => r)];
    }

    private static Task<PairOutcome> NdaiAsync(TaskOrchestrationContext context, AssetScope scope, PairWork pair) =>
        GuardAsync(() => context.CallActivityAsync<PairOutcome>(nameof(NdaiActivity), new PairTask(scope, pair), ActivityRetry.Options), e => FailedNdai(pair, e));

    /// <summary>Every pair of a chunk whose sub-orchestration failed, failed with its reason.</summary>
    private static PairChunkResult Failed(PairChunkTask task, string error) =>
        new([.. task.Pairs.Select(p => FailedCoherence(p, error))], [.. task.Pairs.Select(p => FailedNdai(p, error))]);

    private static CoherenceOutcome FailedCoherence(PairWork pair, string error) => new(pair.PairId, false, 0, Short(error));

    private static PairOutcome FailedNdai(PairWork pair, string error) =>
        new(pair.PairId, pair.Year, false, "failed: " + Short(error), double.NaN, double.NaN, Failed: true);

    private static string Short(string error) => error.Length <= MaxReason ? error : error[..(MaxReason - 1)] + "…";

    private static async Task<T> GuardAsync<T>(Func<Task<T>> call, Func<string, T> onFailure)
    {
        try
        {
            return await call();
        }
        catch (TaskFailedException ex)
        {
            return onFailure(ex.FailureDetails.ErrorMessage);
        }
    }
}
