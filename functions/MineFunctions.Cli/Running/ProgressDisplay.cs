using System.Diagnostics;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Live progress of a run: polls the refresh orchestration and its per-asset sub-orchestrations
/// (deterministic ids, <see cref="InstanceIds.AssetInRun"/>) and prints a line whenever a stage or
/// count changes. Polling <c>GetInstanceAsync</c> directly is snappier than the client's own
/// completion wait (2 s on the Azure Storage backend, see ENGINEERING-NOTES.md).
/// </summary>
internal sealed class ProgressDisplay(DurableTaskClient client, TextWriter output, TimeSpan interval)
{
    public async Task<OrchestrationMetadata> WaitAsync(string runId, IReadOnlyList<string> assetIds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var run = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
            foreach (var asset in assetIds)
            {
                var meta = await client.GetInstanceAsync(InstanceIds.AssetInRun(runId, asset), getInputsAndOutputs: true, cancellationToken);
                if (meta is null) continue;
                var line = Describe(asset, meta);
                if (!last.TryGetValue(asset, out var previous) || previous != line)
                {
                    output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
                    last[asset] = line;
                }
            }

            if (run is { IsCompleted: true }) return run;
            await Task.Delay(interval, cancellationToken);
        }
    }

    private static string Describe(string asset, OrchestrationMetadata meta)
    {
        var progress = InstanceWatcher.ReadProgress(meta);
        var state = meta.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => progress?.Assets.FirstOrDefault()?.Status ?? "completed",
            OrchestrationRuntimeStatus.Failed => "failed: " + meta.FailureDetails?.ErrorMessage,
            _ => progress?.Stage ?? meta.RuntimeStatus.ToString().ToLowerInvariant(),
        };
        var pairs = progress is { PairsTotal: > 0 } ? $" {Bar(progress.PairsDone, progress.PairsTotal)} {progress.PairsDone}/{progress.PairsTotal} pairs" : "";
        return $"{asset,-16} {state}{pairs}";
    }

    private static string Bar(int done, int total)
    {
        const int width = 20;
        var filled = total == 0 ? 0 : (int)Math.Round(width * (double)done / total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
