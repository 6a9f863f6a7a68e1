using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Live progress of a run: polls the run and prints a line whenever its stage or counts change; for
/// a run over a few named assets it also follows their sub-orchestrations (deterministic ids,
/// <see cref="InstanceIds.AssetInRun"/>) and prints a line per asset change; an asset run in one activity call has none,
/// and gets the run's counts while it runs and a line once its Runs row is filed. Polling directly is
/// snappier than the client's own completion wait (2 s on the Azure Storage backend, see ENGINEERING-NOTES.md).
/// </summary>
internal sealed class ProgressDisplay(RunClient runs, TextWriter output, TimeSpan interval)
{
    /// <summary>Above this many assets only the run's counts are shown: one poll per asset per interval would load the task hub.</summary>
    public const int MaxFollowedAssets = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RunStatus> WaitAsync(string runId, IReadOnlyList<string> assetIds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var follow = assetIds.Count is > 0 and <= MaxFollowedAssets;
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var run = await runs.GetStatusAsync(runId, cancellationToken);
            if (follow)
            {
                var unseen = 0;
                foreach (var asset in assetIds)
                {
                    var meta = await runs.Durable.GetInstanceAsync(InstanceIds.AssetInRun(runId, asset), getInputsAndOutputs: true, cancellationToken);
                    if (meta is not null) Print(clock, last, asset, Describe(asset, meta));
                    else if (!last.ContainsKey(asset)) unseen++;
                }
                // A small asset runs in one activity call, with no orchestration of its own to follow: its Runs row says when it is done.
                if (unseen > 0) await PrintFiledAsync(runId, clock, last, assetIds, cancellationToken);
                if (unseen > 0 && run?.Progress is { } counts) Print(clock, last, runId, $"{runId} {InstanceFormatter.ProgressLine(counts)}");
            }
            else if (run?.Progress is { } progress)
            {
                Print(clock, last, runId, $"{runId} {InstanceFormatter.ProgressLine(progress)}");
            }

            if (run is { IsFinished: true }) return run;
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>A line for each followed asset the run has filed (Runs row) and no line was printed for yet.</summary>
    private async Task PrintFiledAsync(string runId, Stopwatch clock, Dictionary<string, string> last, IReadOnlyList<string> assetIds, CancellationToken cancellationToken)
    {
        var followed = assetIds.ToHashSet(StringComparer.Ordinal);
        await foreach (var outcome in runs.ListAssetsAsync(runId, cancellationToken: cancellationToken))
        {
            if (!followed.Contains(outcome.AssetId) || last.ContainsKey(outcome.AssetId)) continue;
            var state = outcome.Status == AssetOutcome.Succeeded ? outcome.Status : $"failed: {outcome.Error}";
            Print(clock, last, outcome.AssetId, $"{outcome.AssetId,-16} {state} {Bar(outcome.Pairs, outcome.Pairs)} {outcome.Pairs}/{outcome.Pairs} pairs");
        }
    }

    private void Print(Stopwatch clock, Dictionary<string, string> last, string key, string line)
    {
        if (last.TryGetValue(key, out var previous) && previous == line) return;
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
        last[key] = line;
    }

    private static string Describe(string asset, OrchestrationMetadata meta)
    {
        var status = RunClient.ToStatus(meta);
        var state = meta.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => ReadOutcome(meta)?.Status ?? "completed",
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => "failed: " + status.FailureReason,
            _ => status.Progress?.Stage ?? meta.RuntimeStatus.ToString().ToLowerInvariant(),
        };
        var progress = status.Progress;
        var pairs = progress is { PairsTotal: > 0 } ? $" {Bar(progress.PairsDone, progress.PairsTotal)} {progress.PairsDone}/{progress.PairsTotal} pairs" : "";
        return $"{asset,-16} {state}{pairs}";
    }

    private static AssetOutcome? ReadOutcome(OrchestrationMetadata meta)
    {
        try
        {
            return string.IsNullOrEmpty(meta.SerializedOutput) ? null : JsonSerializer.Deserialize<AssetOutcome>(meta.SerializedOutput, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Bar(int done, int total)
    {
        const int width = 20;
        var filled = total == 0 ? 0 : (int)Math.Round(width * (double)done / total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
