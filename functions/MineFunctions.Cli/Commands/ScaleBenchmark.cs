using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine bench scale --assets N [--pairs-per-year P] [--size PX] [--incremental | --keep-mask]`: N synthetic assets end to end
/// through the local engine, as `mine run` runs them (Azure Storage backend on Azurite by default),
/// then the same assets' computation directly on local files in the same invocation
/// (<see cref="ScaleBenchmarkDirect"/>). Prints wall time, assets per minute, pairs per second, the
/// share of time in which no activity ran (orchestration), the time per activity, and the ratio of
/// end to end to direct; the last line is JSON (docs/BENCHMARKS.md, docs/SCALE.md). With `--incremental` the first
/// run leaves out each asset's last pair, which is then added, and a second refresh is timed against the first;
/// `--keep-mask` does the same with a new pair that leaves the stable mask as it was (<see cref="ScaleBenchmarkAssets.KeepMaskWithLastPair"/>).
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    public string Name => "scale";
    public string Summary => "N synthetic assets end to end (local engine, Azurite) against the same work on local files.";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var count = args.Int("assets", 20);
        var pairsPerYear = args.Int("pairs-per-year", 3);
        var size = args.Int("size", 64);
        var engine = EngineKinds.Parse(args.Optional("engine"));
        var parallelAssets = args.Int("parallel-assets", new PipelineSettings().MaxParallelAssets);
        var chunk = args.Int("chunk", new PipelineSettings().AssetChunkSize);
        var ndaiBatchPixels = args.Int("ndai-batch-pixels", (int)new PipelineSettings().NdaiBatchPixels);
        var assetCallPixels = AssetCallArgument.Read(args);
        var direct = !args.Has("no-direct");
        var warmUp = args.Int("warm-up", 1);
        if (args.Has("no-warm-up"))
        {
            if (args.Has("warm-up")) throw new UsageException("Give --warm-up N or --no-warm-up, not both.");
            warmUp = 0;
        }
        if (warmUp is < 0 or > MaxWarmUp) throw new UsageException($"--warm-up takes 0 to {MaxWarmUp} assets.");
        var keepMask = args.Has("keep-mask");
        var incremental = args.Has("incremental") || keepMask;
        args.RejectUnknown();

        var assets = new ScaleBenchmarkAssets(count, pairsPerYear, size);
        var settings = new PipelineSettings { TemporalBaselinesDays = [assets.RevisitDays], MaxParallelAssets = parallelAssets, AssetChunkSize = chunk, NdaiBatchPixels = ndaiBatchPixels, AssetCallPixels = assetCallPixels };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (keepMask) assets.KeepMaskWithLastPair(settings.Stable());
        var pairs = count * assets.PairsPerAsset;
        output.WriteLine($"{count} assets × {assets.PairsPerAsset} pairs of {size}² px ({pairs} pairs), {engine} engine, {parallelAssets} assets in flight, chunks of {chunk}, {(assetCallPixels > 0 ? "small assets in one call" : "a stage a call")}; load average {LoadAverage()}");

        var scratch = Directory.CreateTempSubdirectory("mine-bench-scale").FullName;
        try
        {
            var e2e = await EndToEndAsync(assets, settings, engine, Path.Combine(scratch, "azurite"), output, incremental, warmUp, cancellationToken);
            var directRun = direct ? await DirectAsync(assets, settings, scratch, warmUp, cancellationToken) : null;
            return Report(output, count, assets.PairsPerAsset, size, e2e, directRun);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>What the end-to-end run gave.</summary>
    private sealed record EndToEnd(double Seconds, int Succeeded, int Failed, int Pairs, double BusySeconds, IReadOnlyDictionary<string, double> ActivitySeconds, int ActivityCalls, double UploadSeconds, string? Failure, ScaleBenchmarkCpu Cpu)
    {
        /// <summary>With `--incremental`: the second run, after every asset gained its last pair.</summary>
        public EndToEnd? Second { get; init; }

        /// <summary>With `--incremental`: the second run's inputs, every pair, under new asset names: from scratch on a warm engine.</summary>
        public EndToEnd? Scratch { get; init; }

        /// <summary>Unless `--no-warm-up`: the warm-up assets' run, first, in the cold process, left out of every other figure.</summary>
        public double? WarmUpSeconds { get; init; }

        /// <summary>How many warm-up assets ran (`--warm-up`, 1 by default; 0 with `--no-warm-up`).</summary>
        public int WarmUpAssets { get; init; }
    }

    /// <summary>What the direct path gave; <see cref="WarmUpSeconds"/> as in <see cref="EndToEnd"/>.</summary>
    private sealed record Direct(double Seconds, ScaleBenchmarkCpu Cpu, double? WarmUpSeconds);

    /// <summary>
    /// The assets both paths run first, untimed (`--warm-up N`, 1 by default; none with `--no-warm-up`). Without them the
    /// end-to-end run, which goes first, also pays the JIT's compilation of the computation both paths share (and
    /// Azurite's start), and the direct path finds it compiled: the ratio then charges a process's start-up to the
    /// workflow alone. One asset compiles every method once; the JIT's second, optimising pass over the storage clients
    /// and the engine goes on through the timed run whatever the warm-up (docs/BENCHMARKS.md measures it).
    /// </summary>
    private static IReadOnlyList<string> WarmUpAssets(int count) =>
        count == 1 ? ["warm-up"] : [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"warm-up-{i:000}"))];

    /// <summary>The most warm-up assets: a warm-up longer than a 100-asset run measures nothing more.</summary>
    private const int MaxWarmUp = 100;

    private static async Task<EndToEnd> EndToEndAsync(ScaleBenchmarkAssets assets, PipelineSettings settings, EngineKind engine, string state, TextWriter output, bool incremental, int warmUp, CancellationToken cancellationToken)
    {
        var timer = new ScaleBenchmarkTimer();
        var names = RunNamespace.Of("scale" + Guid.NewGuid().ToString("N")[..12]);
        await using var runner = await LocalRunner.StartAsync(engine, names, null, null, TextWriter.Null, cancellationToken, state, register: r =>
        {
            foreach (var t in WorkflowRegistration.Orchestrators) r.AddOrchestrator(t);
            foreach (var t in WorkflowRegistration.Activities)
                r.AddActivity(t.Name, sp => new TimedActivity((ITaskActivity)ActivatorUtilities.CreateInstance(sp, t), t.Name, timer));
        });

        var runId = "scale-" + names.TaskHub;
        // Before the assets are uploaded: the warm-up's run-level estimate covers the whole input container, and must not
        // write the timed assets' rows ahead of their run (which would then find them there, as a rerun does).
        var warmUpSeconds = warmUp > 0 ? await WarmUpAsync(runner, assets, WarmUpAssets(warmUp), settings, runId, timer, output, cancellationToken) : (double?)null;
        var upload = Stopwatch.StartNew();
        await assets.WriteAsync((name, bytes, ct) => runner.Storage.Inputs.UploadAsync(name, bytes, null, ct), 8, cancellationToken, withholdLast: incremental);
        var uploadSeconds = upload.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Uploaded the inputs in {uploadSeconds:0.0} s (not timed)."));
        var first = await TimedRunAsync(runner, timer, new RefreshRequest(runId, [], settings, "bench"), uploadSeconds, output, cancellationToken) with { WarmUpSeconds = warmUpSeconds, WarmUpAssets = warmUp };
        if (!incremental) return first;
        // Every asset gains one pair, then the same refresh runs again: it should do the new pair's work, not the history's.
        await assets.WriteLastPairAsync((name, bytes, ct) => runner.Storage.Inputs.UploadAsync(name, bytes, null, ct), 8, cancellationToken);
        timer.Clear();
        output.WriteLine("Added one pair to every asset; refreshing again.");
        var second = await TimedRunAsync(runner, timer, new RefreshRequest(runId + "-2", [], settings, "bench"), 0, output, cancellationToken);
        // The baseline: the same assets with every pair under new names, from scratch on the now warm engine and storage
        // (the first run also fills storage from empty and, with --no-warm-up, pays the start-up of both, so a ratio to it
        // alone flatters the second).
        var fresh = assets.Ids.Select(id => "fresh-" + id).ToList();
        await assets.WriteAsync((name, bytes, ct) => runner.Storage.Inputs.UploadAsync(name, bytes, null, ct), 8, cancellationToken, ids: fresh);
        timer.Clear();
        output.WriteLine("The same assets with every pair under new names, from scratch:");
        var scratch = await TimedRunAsync(runner, timer, new RefreshRequest(runId + "-fresh", fresh, settings, "bench"), 0, output, cancellationToken);
        return first with { Second = second, Scratch = scratch };
    }

    /// <summary>
    /// Runs the warm-up assets (<see cref="WarmUpAssets"/>) alone, on an input container that holds nothing else, then deletes
    /// their inputs so that the timed run, over the whole input container, neither refreshes them nor counts them in the
    /// run-level estimate; returns its wall time.
    /// </summary>
    private static async Task<double> WarmUpAsync(LocalRunner runner, ScaleBenchmarkAssets assets, IReadOnlyList<string> ids, PipelineSettings settings, string runId, ScaleBenchmarkTimer timer, TextWriter output, CancellationToken cancellationToken)
    {
        await assets.WriteAsync((name, bytes, ct) => runner.Storage.Inputs.UploadAsync(name, bytes, null, ct), 8, cancellationToken, ids: ids);
        var warm = await TimedRunAsync(runner, timer, new RefreshRequest(runId + "-warm-up", ids, settings, "bench"), 0, TextWriter.Null, cancellationToken);
        if (warm.Failed > 0 || warm.Failure is not null) throw new InvalidOperationException($"A warm-up asset failed: {warm.Failure}");
        foreach (var id in ids)
            await foreach (var blob in runner.Storage.Inputs.ListAsync(id + "/", cancellationToken))
                await runner.Storage.Inputs.DeleteIfExistsAsync(blob.Name, cancellationToken);
        timer.Clear();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warmed up with {Assets(ids.Count)} end to end in {warm.Seconds:0.00} s (not timed; --no-warm-up to time a cold process)."));
        return warm.Seconds;
    }

    private static string Assets(int count) => count == 1 ? "one asset" : string.Create(CultureInfo.InvariantCulture, $"{count} assets");

    private static async Task<EndToEnd> TimedRunAsync(LocalRunner runner, ScaleBenchmarkTimer timer, RefreshRequest request, double uploadSeconds, TextWriter output, CancellationToken cancellationToken)
    {
        var cpu = ScaleBenchmarkCpu.Now(runner.AzuriteProcessId);
        var from = Stopwatch.GetTimestamp();
        var run = await runner.RunAsync(request, output, cancellationToken);
        var to = Stopwatch.GetTimestamp();
        cpu = ScaleBenchmarkCpu.Now(runner.AzuriteProcessId).Since(cpu);
        var failed = run.Assets.Count(a => a.Status != AssetOutcome.Succeeded);
        return new EndToEnd(Stopwatch.GetElapsedTime(from, to).TotalSeconds, run.Assets.Count - failed, failed, run.Assets.Sum(a => a.Pairs),
            timer.BusySeconds(from, to), timer.SecondsByName(), timer.Calls, uploadSeconds,
            run.Completed ? run.Assets.FirstOrDefault(a => a.Status != AssetOutcome.Succeeded)?.Error : $"{run.Status.RuntimeStatus}: {run.Status.FailureReason}", cpu);
    }

    /// <summary>
    /// Writes the inputs as asset folders, then (unless `--no-warm-up`) runs the warm-up assets' direct path untimed, as the
    /// timed assets run, then times every asset's direct path, as many at once as there are processors.
    /// </summary>
    private static async Task<Direct> DirectAsync(ScaleBenchmarkAssets assets, PipelineSettings settings, string scratch, int warmUp, CancellationToken cancellationToken)
    {
        var input = Path.Combine(scratch, "input");
        var outDir = Path.Combine(scratch, "direct");
        await assets.WriteAsync(async (name, bytes, ct) =>
        {
            var path = Path.Combine(input, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, ct);
        }, 8, cancellationToken, ids: [.. assets.Ids, .. warmUp > 0 ? WarmUpAssets(warmUp) : []]);
        double? warmUpSeconds = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        if (warmUp > 0)
        {
            var warm = Stopwatch.StartNew();
            await Parallel.ForEachAsync(WarmUpAssets(warmUp), parallel, async (id, ct) => await ScaleBenchmarkDirect.RunAssetAsync(input, outDir, id, settings, ct));
            warmUpSeconds = warm.Elapsed.TotalSeconds;
        }
        var cpu = ScaleBenchmarkCpu.Now(null);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(assets.Ids, parallel, async (id, ct) => await ScaleBenchmarkDirect.RunAssetAsync(input, outDir, id, settings, ct));
        return new Direct(clock.Elapsed.TotalSeconds, ScaleBenchmarkCpu.Now(null).Since(cpu), warmUpSeconds);
    }

    private static int Report(TextWriter output, int count, int pairsPerAsset, int size, EndToEnd e2e, Direct? direct)
    {
        var directSeconds = direct?.Seconds ?? double.NaN;
        var directCpu = direct?.Cpu;
        var activitySeconds = e2e.ActivitySeconds.Values.Sum();
        var estimateSeconds = e2e.ActivitySeconds.GetValueOrDefault(nameof(RunEstimateActivity));
        var orchestrationShare = e2e.Seconds > 0 ? 1 - (e2e.BusySeconds / e2e.Seconds) : double.NaN;
        var ratio = e2e.Seconds / directSeconds;
        var ratioWithoutEstimate = (e2e.Seconds - estimateSeconds) / directSeconds;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"end to end   {e2e.Seconds,9:0.00} s   {count / e2e.Seconds * 60,8:0.0} assets/min   {e2e.Pairs / e2e.Seconds,7:0.0} pairs/s   {e2e.Succeeded} succeeded, {e2e.Failed} failed"));
        output.WriteLine(string.Create(inv, $"direct       {directSeconds,9:0.00} s   {count / directSeconds * 60,8:0.0} assets/min   {count * pairsPerAsset / directSeconds,7:0.0} pairs/s   (local files, {Environment.ProcessorCount} assets at once)"));
        output.WriteLine(string.Create(inv, $"ratio        {ratio,9:0.00}×   ({ratioWithoutEstimate:0.00}× without the run-level estimate, {estimateSeconds:0.00} s)"));
        output.WriteLine(string.Create(inv, $"no activity running {orchestrationShare:P1} of the wall time (orchestration, queues, history); {e2e.ActivityCalls} activity calls, {activitySeconds:0.0} s in activities"));
        foreach (var (name, seconds) in e2e.ActivitySeconds.OrderByDescending(kv => kv.Value))
            output.WriteLine(string.Create(inv, $"  {name,-26} {seconds,8:0.00} s"));
        output.WriteLine(string.Create(inv, $"processor  end to end: mine {e2e.Cpu.ProcessSeconds:0.0} s (JIT {e2e.Cpu.JitSeconds:0.0} s, {e2e.Cpu.JitMethods} methods; GC pauses {e2e.Cpu.GcPauseSeconds:0.0} s, {e2e.Cpu.AllocatedBytes / 1e6:0} MB allocated), Azurite {e2e.Cpu.AzuriteSeconds:0.0} s"));
        if (directCpu is not null)
            output.WriteLine(string.Create(inv, $"           direct:     mine {directCpu.ProcessSeconds:0.0} s (JIT {directCpu.JitSeconds:0.0} s, {directCpu.JitMethods} methods; GC pauses {directCpu.GcPauseSeconds:0.0} s, {directCpu.AllocatedBytes / 1e6:0} MB allocated)"));
        if (e2e.WarmUpSeconds is { } warmE2e)
            output.WriteLine(string.Create(inv, $"warm-up    {Assets(e2e.WarmUpAssets)} before the timed runs, in the cold process: end to end {warmE2e:0.00} s{(direct?.WarmUpSeconds is { } w ? string.Create(inv, $", direct {w:0.00} s") : "")}"));
        if (e2e.Failure is not null) output.WriteLine($"First failure: {e2e.Failure}");
        var second = e2e.Second;
        var secondActivitySeconds = second?.ActivitySeconds.Values.Sum() ?? double.NaN;
        var scratch = e2e.Scratch;
        var scratchActivitySeconds = scratch?.ActivitySeconds.Values.Sum() ?? double.NaN;
        if (second is not null)
        {
            output.WriteLine();
            output.WriteLine(string.Create(inv, $"incremental  {second.Seconds,9:0.00} s   {second.Pairs} pairs, {second.Succeeded} succeeded, {second.Failed} failed; {second.ActivityCalls} activity calls, {secondActivitySeconds:0.0} s in activities"));
            output.WriteLine(string.Create(inv, $"  against the first run: activity time {secondActivitySeconds / activitySeconds:0.000}×, activity calls {(double)second.ActivityCalls / e2e.ActivityCalls:0.000}×, wall {second.Seconds / e2e.Seconds:0.000}×"));
            output.WriteLine(string.Create(inv, $"  against the same inputs from scratch (warm, {scratch!.Seconds:0.00} s, {scratch.ActivityCalls} calls, {scratchActivitySeconds:0.0} s in activities): activity time {secondActivitySeconds / scratchActivitySeconds:0.000}×, activity calls {(double)second.ActivityCalls / scratch.ActivityCalls:0.000}×"));
            foreach (var (name, seconds) in second.ActivitySeconds.OrderByDescending(kv => kv.Value))
                output.WriteLine(string.Create(inv, $"  {name,-26} {seconds,8:0.00} s   (from scratch {scratch.ActivitySeconds.GetValueOrDefault(name),8:0.00} s)"));
            if (second.Failure is not null) output.WriteLine($"First failure of the second run: {second.Failure}");
        }
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["assets"] = count,
            ["pairs_per_asset"] = pairsPerAsset,
            ["size"] = size,
            ["succeeded"] = e2e.Succeeded,
            ["failed"] = e2e.Failed,
            ["pairs"] = e2e.Pairs,
            ["wall_s"] = Math.Round(e2e.Seconds, 3),
            ["assets_per_min"] = Math.Round(count / e2e.Seconds * 60, 2),
            ["pairs_per_s"] = Math.Round(e2e.Pairs / e2e.Seconds, 2),
            ["orchestration_share"] = Math.Round(orchestrationShare, 4),
            ["activity_s"] = Math.Round(activitySeconds, 3),
            ["activity_calls"] = e2e.ActivityCalls,
            ["estimate_s"] = Math.Round(estimateSeconds, 3),
            ["direct_s"] = double.IsNaN(directSeconds) ? null : Math.Round(directSeconds, 3),
            ["ratio"] = double.IsNaN(ratio) ? null : Math.Round(ratio, 3),
            ["ratio_without_estimate"] = double.IsNaN(ratioWithoutEstimate) ? null : Math.Round(ratioWithoutEstimate, 3),
            ["upload_s"] = Math.Round(e2e.UploadSeconds, 3),
            ["cpu_s"] = Math.Round(e2e.Cpu.ProcessSeconds, 3),
            ["jit_s"] = Math.Round(e2e.Cpu.JitSeconds, 3),
            ["jit_methods"] = e2e.Cpu.JitMethods,
            ["azurite_cpu_s"] = e2e.Cpu.AzuriteSeconds is { } az ? Math.Round(az, 3) : null,
            ["direct_cpu_s"] = directCpu is null ? null : Math.Round(directCpu.ProcessSeconds, 3),
            ["direct_jit_s"] = directCpu is null ? null : Math.Round(directCpu.JitSeconds, 3),
            ["gc_pause_s"] = Math.Round(e2e.Cpu.GcPauseSeconds, 3),
            ["allocated_mb"] = Math.Round(e2e.Cpu.AllocatedBytes / 1e6, 1),
            ["direct_gc_pause_s"] = directCpu is null ? null : Math.Round(directCpu.GcPauseSeconds, 3),
            ["direct_allocated_mb"] = directCpu is null ? null : Math.Round(directCpu.AllocatedBytes / 1e6, 1),
            ["warm_up"] = e2e.WarmUpSeconds is not null,
            ["warm_up_assets"] = e2e.WarmUpAssets,
            ["warm_up_s"] = e2e.WarmUpSeconds is { } ws ? Math.Round(ws, 3) : null,
            ["warm_up_direct_s"] = direct?.WarmUpSeconds is { } wd ? Math.Round(wd, 3) : null,
            ["load_average"] = LoadAverage(),
            ["incremental_wall_s"] = second is null ? null : Math.Round(second.Seconds, 3),
            ["incremental_activity_s"] = second is null ? null : Math.Round(secondActivitySeconds, 3),
            ["incremental_activity_calls"] = second?.ActivityCalls,
            ["incremental_failed"] = second?.Failed,
            ["incremental_activity_ratio"] = second is null ? null : Math.Round(secondActivitySeconds / activitySeconds, 4),
            ["incremental_calls_ratio"] = second is null ? null : Math.Round((double)second.ActivityCalls / e2e.ActivityCalls, 4),
            ["scratch_activity_s"] = scratch is null ? null : Math.Round(scratchActivitySeconds, 3),
            ["scratch_activity_calls"] = scratch?.ActivityCalls,
            ["incremental_to_scratch_activity_ratio"] = scratch is null ? null : Math.Round(secondActivitySeconds / scratchActivitySeconds, 4),
            ["incremental_to_scratch_calls_ratio"] = scratch is null ? null : Math.Round((double)second!.ActivityCalls / scratch.ActivityCalls, 4),
        }));
        return e2e.Failed == 0 && e2e.Failure is null && second is not { Failed: > 0 } && second?.Failure is null && scratch is not { Failed: > 0 } ? 0 : 1;
    }

    /// <summary>The 1-minute load average (Linux), for reading the figures on a shared machine; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
