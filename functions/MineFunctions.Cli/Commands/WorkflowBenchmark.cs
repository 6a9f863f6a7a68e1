using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Simulation;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine bench workflow`: where a pair's time goes (read / compute / write, as NdaiActivity does
/// them, against Azurite), what the Durable engine adds per activity (a fan-out of no-op activities
/// on the in-memory engine and on the Azure Storage backend over Azurite), and pairs per second of
/// the demo end to end. Everything measured in this run, on this machine.
/// </summary>
internal sealed class WorkflowBenchmark : IBenchmark
{
    public string Name => "workflow";
    public string Summary => "Per-pair read/compute/write split, Durable overhead per activity (memory, Azurite), demo pairs/s.";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var size = args.Int("size", 256);
        var pairs = args.Int("pairs", 30);
        var fanOut = args.Int("activities", 200);
        args.RejectUnknown();

        var names = RunNamespace.Of("bench" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        await using var runner = await LocalRunner.StartAsync(EngineKind.AzureStorage, names, null, null, TextWriter.Null, cancellationToken);

        var (read, compute, write) = await PairSplitAsync(runner.Storage, size, pairs, cancellationToken);
        var memoryOverhead = await OverheadAsync(EngineKind.Memory, null, names, fanOut, cancellationToken);
        var azuriteOverhead = await OverheadAsync(EngineKind.AzureStorage, runner.ConnectionString, names with { TaskHub = names.TaskHub + "o" }, fanOut, cancellationToken);

        var demoOut = Directory.CreateTempSubdirectory("bench-demo").FullName;
        var clock = Stopwatch.StartNew();
        var summary = await DemoRunner.RunAsync(new DemoOptions(demoOut, 2, 128, EngineKind.AzureStorage, RunNamespace.Of(names.TaskHub + "d"), runner.ConnectionString), TextWriter.Null, cancellationToken)
            ?? throw new InvalidOperationException("The demo run failed.");
        var pairsPerSecond = summary.Pairs / clock.Elapsed.TotalSeconds;

        var total = read + compute + write;
        output.WriteLine($"Per pair ({size}×{size} px, {pairs} pairs, NdaiActivity's steps on Azurite):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read    {read:0.00} ms  ({read / total:P0})   download + GeoTIFF decode"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compute {compute:0.00} ms  ({compute / total:P0})   screening + NDAI"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  write   {write:0.00} ms  ({write / total:P0})   GeoTIFF encode + hash + upload"));
        output.WriteLine($"Durable overhead per no-op activity ({fanOut} fanned out):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  in-memory engine        {memoryOverhead:0.00} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Azure Storage / Azurite {azuriteOverhead:0.00} ms  ({azuriteOverhead / memoryOverhead:0.0}× in-memory)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo end to end (2 mines, 128 px, Azurite): {summary.Pairs} pairs in {clock.Elapsed.TotalSeconds:0.0} s = {pairsPerSecond:0.0} pairs/s"));
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["pair_read_ms"] = Math.Round(read, 3),
            ["pair_compute_ms"] = Math.Round(compute, 3),
            ["pair_write_ms"] = Math.Round(write, 3),
            ["overhead_ms_per_activity_memory"] = Math.Round(memoryOverhead, 3),
            ["overhead_ms_per_activity_azurite"] = Math.Round(azuriteOverhead, 3),
            ["demo_pairs_per_s"] = Math.Round(pairsPerSecond, 2),
        }));
        return 0;
    }

    /// <summary>Mean milliseconds per pair of the three parts of NdaiActivity, on simulated coherence.</summary>
    private static async Task<(double Read, double Compute, double Write)> PairSplitAsync(PipelineStorage storage, int size, int pairs, CancellationToken cancellationToken)
    {
        var scene = new SceneSimulator(new SceneSettings { Width = size, Height = size, Seed = 5 });
        var grid = DemoSample.GridOf(DemoMine.Defaults[0], scene);
        var coherence = new float[scene.Pixels];
        var names = new List<string>();
        for (var i = 0; i < Math.Min(pairs, scene.Pairs.Count); i++)
        {
            scene.FillCoherence(i, coherence);
            var name = $"bench/{StorageLayout.SettingsKey("bench", "split")}/coherence/{i:D4}.tif";
            await RasterBlobs.WriteFloat32Async(storage.Products, name, coherence, grid, cancellationToken);
            names.Add(name);
        }
        var mask = new byte[scene.Pixels];
        for (var i = 0; i < mask.Length; i++) mask[i] = scene.Cover[i] == (byte)LandCover.Bedrock ? (byte)1 : (byte)0;
        var stable = StableMask.FromArea(mask);

        var (read, compute, write) = (0.0, 0.0, 0.0);
        var ndai = new float[scene.Pixels];
        foreach (var name in names)
        {
            var t0 = Stopwatch.GetTimestamp();
            var (pixels, pairGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, name, storage.ReadOptions, cancellationToken);
            var t1 = Stopwatch.GetTimestamp();
            var decision = PairScreening.Evaluate(pixels, stable, StableThresholds.Default);
            NdaiCalculator.Compute(pixels, decision.StableMean, ndai);
            var t2 = Stopwatch.GetTimestamp();
            await RasterBlobs.WriteFloat32Async(storage.Products, name.Replace("/coherence/", "/ndai/", StringComparison.Ordinal), ndai, pairGrid, cancellationToken);
            var t3 = Stopwatch.GetTimestamp();
            read += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            compute += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            write += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
        return (read / names.Count, compute / names.Count, write / names.Count);
    }

    /// <summary>Wall milliseconds per activity of a fan-out of no-op activities, after a warm-up run.</summary>
    private static async Task<double> OverheadAsync(EngineKind kind, string? connection, RunNamespace names, int count, CancellationToken cancellationToken)
    {
        await using var host = await LocalEngineHost.StartAsync(
            new LocalEngineOptions { Kind = kind, ConnectionString = connection, TaskHub = names.TaskHub },
            r =>
            {
                r.AddActivityFunc<int, int>("BenchNoOpActivity", (_, i) => i);
                r.AddOrchestratorFunc<int, int>("BenchFanOutOrchestrator", async (ctx, n) =>
                    (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("BenchNoOpActivity", i)))).Sum());
            },
            cancellationToken: cancellationToken);
        async Task<double> OnceAsync(int n)
        {
            var clock = Stopwatch.StartNew();
            var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("BenchFanOutOrchestrator", n, cancellationToken);
            await InstanceWatcher.WaitForCompletionAsync(host.Client, id, TimeSpan.FromMilliseconds(50), cancellationToken: cancellationToken);
            return clock.Elapsed.TotalMilliseconds;
        }
        await OnceAsync(10);
        var ms = await OnceAsync(count);
        if (kind == EngineKind.AzureStorage) await host.DeleteTaskHubAsync();
        return ms / count;
    }
}
