using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Simulation;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine bench coherence`: the coherence kernel, NDAI and the annual-mean accumulator on an N × N
/// pair, each against the memory-bandwidth bound measured in the same run (STREAM-style triad), and
/// the coherence kernel against the project's shared numpy/scipy reference
/// (../shared/bench/coherence_reference.py beside the repository) run on the same size in the same
/// invocation; without it that column is skipped and says why.
/// </summary>
internal sealed class CoherenceBenchmark : IBenchmark
{
    // Bytes of memory traffic per pixel that no implementation can avoid.
    private const double CoherenceBytes = 20; // two complex64 read, one float32 written
    private const double NdaiBytes = 8;       // float in, float out
    // Annual mean: NDAI in (4 B) + float sum and int count (8 B) updated in place. Counting the accumulators
    // once (12 B/px) rather than read + write (20 B/px) makes this bound the stricter of the two.
    private const double AnnualBytes = 12;

    public string Name => "coherence";

    public string Summary => "Coherence, NDAI and annual-mean throughput vs memory bound and vs numpy/scipy (--size N, --window WxH, --reps R, --threads T, --reference PATH|none).";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var size = args.Int("size", 4096);
        var reps = args.Int("reps", 5);
        var threads = args.Int("threads", Environment.ProcessorCount);
        var windowText = args.Optional("window") ?? CoherenceWindow.Default.ToString();
        var referenceOption = args.Optional("reference");
        args.RejectUnknown();
        if (size is < 64 or > 16384) throw new UsageException("--size must be 64-16384.");
        if (reps is < 1 or > 100) throw new UsageException("--reps must be 1-100.");
        if (threads < 1) throw new UsageException("--threads must be at least 1.");
        CoherenceWindow window;
        try { window = CoherenceWindow.Parse(windowText); }
        catch (FormatException ex) { throw new UsageException(ex.Message); }

        var pixels = size * size;
        output.WriteLine($"coherence benchmark: {size}x{size} pair, window {window}, {reps} reps, {threads} threads, kernel on {CoherenceEstimator.Kernel}");

        // Same synthetic pair as the reference: true coherence ramps 0 → 1 from left to right.
        var a = new float[2 * pixels];
        var b = new float[2 * pixels];
        var truth = new float[pixels];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++) truth[y * size + x] = (float)x / (size - 1);
        CircularGaussianPair.Fill(new DeterministicRandom(1), truth, a, b);
        truth = null;

        var bandwidth = MeasureBandwidth(threads, reps);
        cancellationToken.ThrowIfCancellationRequested();

        var coherence = new float[pixels];
        var options = new CoherenceOptions { MaxDegreeOfParallelism = threads };
        var (coherenceSeconds, coherenceCpu) = Time(reps, () => CoherenceEstimator.Estimate(a, b, size, size, window, coherence, options));
        a = b = null!;
        GC.Collect();

        var ndai = new float[pixels];
        var (ndaiSeconds, ndaiCpu) = Time(reps, () => NdaiCalculator.Compute(coherence, 0.9, ndai, maxDegreeOfParallelism: threads));
        var annual = new AnnualMeanAccumulator(pixels);
        var (annualSeconds, annualCpu) = Time(reps, () => annual.Add(ndai, maxDegreeOfParallelism: threads));

        var (reference, skipped) = await RunReferenceAsync(referenceOption, size, window, cancellationToken);

        double Mpx(double seconds) => pixels / seconds / 1e6;
        double Bound(double bytesPerPixel) => bandwidth / bytesPerPixel / 1e6;
        var coh = Mpx(coherenceSeconds);
        var nd = Mpx(ndaiSeconds);
        var an = Mpx(annualSeconds);

        output.WriteLine($"memory bandwidth (triad, {threads} threads): {bandwidth / 1e9:0.00} GB/s; load average {LoadAverage()} on {Environment.ProcessorCount} CPUs");
        output.WriteLine("times: fastest of the reps (wall clock); 'per CPU-s' = pixels per second of CPU time used, insensitive to other processes");
        output.WriteLine();
        output.WriteLine("| kernel | Mpx/s | Mpx per CPU-s | bytes/px | bound Mpx/s | of bound | vs scipy |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(Row("coherence " + window, coh, Mpx(coherenceCpu), CoherenceBytes, Bound(CoherenceBytes), reference is null ? "n/a" : F($"{coh / reference.Value:0.0}x")));
        output.WriteLine(Row("NDAI", nd, Mpx(ndaiCpu), NdaiBytes, Bound(NdaiBytes), ""));
        output.WriteLine(Row("annual mean add", an, Mpx(annualCpu), AnnualBytes, Bound(AnnualBytes), ""));
        output.WriteLine(reference is null
            ? $"scipy reference: not run ({skipped})"
            : F($"scipy reference (coherence_reference.py, same size, fastest of 3): {reference.Value:0.0} Mpx/s"));

        var json = new Dictionary<string, object?>
        {
            ["benchmark"] = "coherence",
            ["kernel"] = CoherenceEstimator.Kernel,
            ["size"] = size,
            ["window"] = window.ToString(),
            ["threads"] = threads,
            ["memory_gb_per_s"] = Round(bandwidth / 1e9),
            ["load_average"] = LoadAverage(),
            ["mpx_per_s"] = Round(coh),
            ["mpx_per_cpu_s"] = Round(Mpx(coherenceCpu)),
            ["bound_mpx_per_s"] = Round(Bound(CoherenceBytes)),
            ["of_memory_bound"] = Round(coh / Bound(CoherenceBytes), 3),
            ["scipy_mpx_per_s"] = reference is null ? null : Round(reference.Value),
            ["vs_scipy"] = reference is null ? null : Round(coh / reference.Value),
            ["ndai_mpx_per_s"] = Round(nd),
            ["ndai_of_memory_bound"] = Round(nd / Bound(NdaiBytes), 3),
            ["annual_mpx_per_s"] = Round(an),
            ["annual_of_memory_bound"] = Round(an / Bound(AnnualBytes), 3),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
        return 0;

        string Row(string name, double mpx, double perCpu, double bytes, double bound, string vsScipy) =>
            F($"| {name} | {mpx:0.0} | {perCpu:0.0} | {bytes:0} | {bound:0.0} | {mpx / bound:P0} | {vsScipy} |");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static double Round(double v, int digits = 1) => Math.Round(v, digits);

    /// <summary>
    /// Fastest wall-clock time of the reps (the machine is shared: the minimum is the run least disturbed
    /// by other processes, as for the triad and the reference) and the smallest CPU time of a rep.
    /// </summary>
    private static (double Wall, double Cpu) Time(int reps, Action run)
    {
        run(); // warm-up: JIT, page faults of the output
        double wall = double.MaxValue, cpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < reps; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            wall = Math.Min(wall, sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        return (wall, Math.Max(cpu, 1e-6));
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    /// <summary>
    /// STREAM triad a = b + s·c over arrays far larger than the caches, split over the same number of
    /// threads as the kernels; bytes counted as STREAM does (two reads, one write). Best of the reps.
    /// </summary>
    private static double MeasureBandwidth(int threads, int reps)
    {
        const int n = 32 << 20; // 32 Mi floats = 128 MiB per array
        var x = new float[n];
        var y = new float[n];
        var z = new float[n];
        Array.Fill(y, 1f);
        Array.Fill(z, 2f);
        var chunks = threads * 4;
        var best = double.MaxValue;
        for (var r = 0; r <= Math.Max(3, reps); r++)
        {
            var sw = Stopwatch.StartNew();
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            {
                var start = (int)((long)n * k / chunks);
                var end = (int)((long)n * (k + 1) / chunks);
                var s = new Vector<float>(3f);
                var vx = x.AsSpan(start, end - start);
                var vy = y.AsSpan(start, end - start);
                var vz = z.AsSpan(start, end - start);
                var j = 0;
                for (; j <= vx.Length - Vector<float>.Count; j += Vector<float>.Count)
                    (new Vector<float>(vy[j..]) + s * new Vector<float>(vz[j..])).CopyTo(vx[j..]);
                for (; j < vx.Length; j++) vx[j] = vy[j] + 3f * vz[j];
            });
            if (r > 0) best = Math.Min(best, sw.Elapsed.TotalSeconds); // first pass faults the pages in
        }
        return 3.0 * sizeof(float) * n / best;
    }

    /// <summary>
    /// Mpx/s of the scipy reference, or null with the reason it did not run: `--reference none`, or no
    /// script given and none at ../shared/bench/coherence_reference.py beside the repository.
    /// </summary>
    private static async Task<(double? MpxPerSecond, string? Skipped)> RunReferenceAsync(string? option, int size, CoherenceWindow window, CancellationToken cancellationToken)
    {
        if (string.Equals(option, "none", StringComparison.Ordinal)) return (null, "--reference none");
        var script = option ?? SharedReferenceScript();
        if (script is null) return (null, $"no {Path.Combine("..", "shared", "bench", "coherence_reference.py")} beside the repository; pass --reference PATH");
        if (!File.Exists(script)) throw new UsageException($"--reference {script}: no such file.");
        const string python = "/usr/bin/python3"; // Debian's, with apt's python3-numpy and python3-scipy
        var psi = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--size", size.ToString(CultureInfo.InvariantCulture), "--window", window.ToString(), "--reps", "3" })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {python}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var lastLine = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || lastLine is null)
            throw new InvalidOperationException($"The scipy reference failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        using var doc = JsonDocument.Parse(lastLine);
        // Fastest rep, as for our kernels (the script's own mpx_per_s is from its median).
        return (doc.RootElement.GetProperty("pixels").GetDouble() / doc.RootElement.GetProperty("min_s").GetDouble() / 1e6, null);
    }

    /// <summary>
    /// The shared scipy reference where it lies: ../shared/bench/coherence_reference.py from the
    /// repository root (the folder holding MineFunctions.sln, found upwards from the working
    /// directory or the binaries); null when absent.
    /// </summary>
    internal static string? SharedReferenceScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "MineFunctions.sln"))) continue;
                var script = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "coherence_reference.py"));
                return File.Exists(script) ? script : null;
            }
        }
        return null;
    }
}
