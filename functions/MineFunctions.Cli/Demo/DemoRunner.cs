using MineFunctions.Infrastructure.Files;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Demo;

/// <summary>What `mine demo` runs with.</summary>
internal sealed record DemoOptions(string OutDir, int Assets, int Size, EngineKind Engine, RunNamespace Names, string? ConnectionString, TimeSpan? Lease = null, string? StateDirectory = null)
{
    /// <summary>The run's AssetCallPixels (0: every asset a stage a call, each stage shown as it runs).</summary>
    public long AssetCallPixels { get; init; } = new PipelineSettings().AssetCallPixels;
}

/// <summary>A demo asset's result line.</summary>
internal sealed record DemoAssetSummary(string Asset, string Status, int Pairs, int RejectedPairs, int WeatherHitPairs, double Accuracy, string? Error);

/// <summary>The demo's summary.json.</summary>
internal sealed record DemoSummary(int Assets, int Pairs, int RejectedPairs, double Accuracy, double Seconds, string Engine, string RunId, string SettingsKey, IReadOnlyList<DemoAssetSummary> PerAsset);

/// <summary>
/// The demo, end to end: simulate, upload, run the workflow, download the products, score the class
/// raster against the simulator's truth, write summary.json.
/// </summary>
internal static class DemoRunner
{
    public static async Task<DemoSummary?> RunAsync(DemoOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sample = DemoSample.Create(options.Assets, options.Size);
        var settings = new PipelineSettings { AssetCallPixels = options.AssetCallPixels };
        var key = SettingsFingerprint.Of(settings);
        await using var runner = await LocalRunner.StartAsync(options.Engine, options.Names, options.ConnectionString, options.Lease, output, cancellationToken, options.StateDirectory);
        output.WriteLine($"Uploading {sample.Mines.Count} simulated mines ({sample.Pairs} pairs) to container '{options.Names.InputContainer}':");
        await sample.UploadAsync(runner.Storage.Inputs, output, cancellationToken);

        var ids = sample.Mines.Select(m => m.Mine.AssetId).ToList();
        var runId = "demo-" + InstanceIds.ShortHash($"{key}|{options.Assets}|{options.Size}");
        output.WriteLine($"Running the workflow ({options.Engine}) as {runId}:");
        var run = await runner.RunAsync(new RefreshRequest(runId, ids, settings, "cli"), output, cancellationToken);
        if (!run.Completed)
        {
            output.WriteLine($"Run {runId} ended {run.Status.RuntimeStatus}: {run.Status.FailureReason}");
            return null;
        }

        var files = await runner.Results.DownloadAsync(ids, key, options.OutDir, cancellationToken);
        long correct = 0, total = 0;
        var perAsset = new List<DemoAssetSummary>();
        foreach (var (mine, scene) in sample.Mines)
        {
            var outcome = run.Assets.Single(a => a.AssetId == mine.AssetId);
            var (c, t) = outcome.Status == AssetOutcome.Succeeded ? await DemoScore.ScoreAsync(runner.Storage, mine.AssetId, key, scene, cancellationToken) : (0L, 0L);
            (correct, total) = (correct + c, total + t);
            perAsset.Add(new DemoAssetSummary(mine.AssetId, outcome.Status, outcome.Pairs, outcome.RejectedPairs,
                scene.Pairs.Count(p => p.WeatherHit), t == 0 ? 0 : Math.Round((double)c / t, 6), outcome.Error));
        }

        var summary = new DemoSummary(run.Assets.Count, run.Assets.Sum(a => a.Pairs), run.Assets.Sum(a => a.RejectedPairs),
            total == 0 ? 0 : Math.Round((double)correct / total, 6), Math.Round(clock.Elapsed.TotalSeconds, 1), options.Engine.ToString(), runId, key, perAsset);
        await AtomicFile.WriteAllTextAsync(Path.Combine(options.OutDir, "summary.json"),
            JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }), cancellationToken);
        Print(summary, output);
        output.WriteLine($"{files.Count + 1} files in {options.OutDir}: summary.json, Climate TRACE CSVs, and per asset png/, composite and class GeoTIFFs, counts, activity.csv, pairs.csv.");
        return summary;
    }

    private static void Print(DemoSummary s, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"asset",-16} {"status",-10} {"pairs",5} {"rejected",8} {"weather",7} {"accuracy",9}");
        foreach (var a in s.PerAsset)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Asset,-16} {a.Status,-10} {a.Pairs,5} {a.RejectedPairs,8} {a.WeatherHitPairs,7} {a.Accuracy,9:P2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-16} {"",-10} {s.Pairs,5} {s.RejectedPairs,8} {s.PerAsset.Sum(a => a.WeatherHitPairs),7} {s.Accuracy,9:P2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0.0} s on the {s.Engine} engine."));
    }
}
