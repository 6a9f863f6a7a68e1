using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine bench io`: GeoTIFF read and write throughput of the GDAL interop for each codec, on a
/// size × size Float32 (coherence-like: smooth field plus speckle) and CFloat32 (circular-Gaussian
/// SLC-like) raster, next to gdal_translate doing the same conversions in the same run with the same
/// creation options:
///   encode: uncompressed tiled GeoTIFF → codec  (ours: GdalRaster read + GeoTiffWriter write)
///   decode: codec → uncompressed tiled GeoTIFF  (ours: GdalRaster read + GeoTiffWriter write)
/// ratio = our time / gdal_translate time (target ≤ 1.2; gdal_translate also pays process start-up).
/// </summary>
internal sealed class RasterIoBenchmark : IBenchmark
{
    public string Name => "io";
    public string Summary => "GeoTIFF read/write throughput per codec vs gdal_translate (ratio).";

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var size = args.Int("size", 4096);
        var reps = args.Int("reps", 1);
        var codecs = (args.Optional("codecs") ?? "none,deflate,zstd,lzw,lerc").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Enum.TryParse<GeoTiffCodec>(c, true, out var v) ? v : throw new UsageException($"Unknown codec '{c}'.")).ToList();
        var types = (args.Optional("types") ?? "float32,cfloat32").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Enum.TryParse<RasterDataType>(t, true, out var v) && v is RasterDataType.Float32 or RasterDataType.CFloat32 ? v : throw new UsageException($"Type '{t}' is not float32 or cfloat32.")).ToList();
        args.RejectUnknown();
        if (size < 64) throw new UsageException("--size must be at least 64.");

        var dir = Path.Combine(Path.GetTempPath(), "mine-bench-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var results = new List<Dictionary<string, object>>();
        var startupSeconds = 0.0;
        try
        {
            var grid = GridSpec.NorthUp(size, size, 500_000, 5_000_000, 20, 20, GridCrs.Wkt(32633));
            // gdal_translate pays process start-up and driver registration on every run: measured once
            // (`gdal_translate --version`) and reported, so the ratio can be read both ways.
            var startup = Enumerable.Range(0, 3).Min(_ => GdalTranslateVersion());
            output.WriteLine($"GeoTIFF I/O, {size}×{size}, tiles 256, NUM_THREADS=ALL_CPUS, best of {reps}; ratio = ours / gdal_translate; gdal_translate start-up {startup:0.000} s (included in gt times)");
            startupSeconds = startup;
            output.WriteLine($"{"type",-9} {"codec",-8} {"MB",6} {"x",5} {"write MB/s",11} {"read MB/s",10} {"enc s",7} {"gt enc s",9} {"ratio",6} {"dec s",7} {"gt dec s",9} {"ratio",6}");
            foreach (var type in types)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var complex = type == RasterDataType.CFloat32;
                var pixels = complex ? SlcLike(size) : CoherenceLike(size);
                var rawMb = pixels.Length * 4 / 1e6;
                var source = Path.Combine(dir, $"src-{type}.tif");
                Write(source, pixels, grid, complex, new GeoTiffOptions { Codec = GeoTiffCodec.None });
                foreach (var codec in codecs)
                {
                    if (codec == GeoTiffCodec.Lerc && complex) continue;
                    cancellationToken.ThrowIfCancellationRequested();
                    var options = new GeoTiffOptions { Codec = codec };
                    var ours = Path.Combine(dir, $"ours-{type}-{codec}.tif");
                    var theirs = Path.Combine(dir, $"gt-{type}-{codec}.tif");
                    var back = Path.Combine(dir, $"back-{type}-{codec}.tif");
                    var gtBack = Path.Combine(dir, $"gtback-{type}-{codec}.tif");
                    var none = new GeoTiffOptions { Codec = GeoTiffCodec.None };

                    double writeOnly = double.MaxValue, readOnly = double.MaxValue, enc = double.MaxValue, dec = double.MaxValue, gtEnc = double.MaxValue, gtDec = double.MaxValue;
                    for (var r = 0; r < reps; r++)
                    {
                        var sw = Stopwatch.StartNew();
                        var data = Read(source, complex);
                        var tRead = sw.Elapsed.TotalSeconds;
                        Write(ours, data, grid, complex, options);
                        enc = Math.Min(enc, sw.Elapsed.TotalSeconds);
                        writeOnly = Math.Min(writeOnly, sw.Elapsed.TotalSeconds - tRead);

                        sw.Restart();
                        var decoded = Read(ours, complex);
                        var tDecode = sw.Elapsed.TotalSeconds;
                        Write(back, decoded, grid, complex, none);
                        dec = Math.Min(dec, sw.Elapsed.TotalSeconds);
                        readOnly = Math.Min(readOnly, tDecode);

                        gtEnc = Math.Min(gtEnc, GdalTranslate(source, theirs, options.CreationOptionsFor(type, cog: false, grid.Width, grid.Height)));
                        gtDec = Math.Min(gtDec, GdalTranslate(theirs, gtBack, none.CreationOptionsFor(type, cog: false, grid.Width, grid.Height)));
                    }
                    var compressedMb = new FileInfo(ours).Length / 1e6;
                    var row = new Dictionary<string, object>
                    {
                        ["type"] = type.ToString(), ["codec"] = codec.ToString().ToUpperInvariant(),
                        ["compressed_mb"] = Math.Round(compressedMb, 2), ["compression_ratio"] = Math.Round(rawMb / compressedMb, 3),
                        ["write_mb_s"] = Math.Round(rawMb / writeOnly, 1), ["read_mb_s"] = Math.Round(rawMb / readOnly, 1),
                        ["encode_s"] = Math.Round(enc, 3), ["gdal_translate_encode_s"] = Math.Round(gtEnc, 3), ["encode_ratio"] = Math.Round(enc / gtEnc, 3),
                        ["decode_s"] = Math.Round(dec, 3), ["gdal_translate_decode_s"] = Math.Round(gtDec, 3), ["decode_ratio"] = Math.Round(dec / gtDec, 3),
                    };
                    results.Add(row);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{type,-9} {row["codec"],-8} {compressedMb,6:0.0} {rawMb / compressedMb,5:0.00} {rawMb / writeOnly,11:0} {rawMb / readOnly,10:0} {enc,7:0.000} {gtEnc,9:0.000} {enc / gtEnc,6:0.00} {dec,7:0.000} {gtDec,9:0.000} {dec / gtDec,6:0.00}"));
                    foreach (var f in new[] { theirs, back, gtBack }) File.Delete(f);
                }
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        var worst = results.Count == 0 ? 0 : results.Max(r => Math.Max((double)r["encode_ratio"], (double)r["decode_ratio"]));
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["benchmark"] = "io", ["size"] = args.Int("size", 4096), ["reference"] = "gdal_translate", ["worst_ratio"] = Math.Round(worst, 3),
            ["target_ratio"] = 1.2, ["gdal_translate_startup_s"] = Math.Round(startupSeconds, 3), ["results"] = results,
        }));
        return Task.FromResult(0);
    }

    private static float[] Read(string path, bool complex)
    {
        using var raster = GdalRaster.Open(path);
        return complex ? raster.ReadComplex64() : raster.ReadFloat32();
    }

    private static void Write(string path, float[] data, GridSpec grid, bool complex, GeoTiffOptions options)
    {
        if (complex) GeoTiffWriter.WriteComplex64(path, data, grid, options);
        else GeoTiffWriter.WriteFloat32(path, data, grid, options);
    }

    private static double GdalTranslateVersion()
    {
        var psi = new ProcessStartInfo("gdal_translate") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--version");
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("gdal_translate could not be started (apt-get install gdal-bin).");
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return sw.Elapsed.TotalSeconds;
    }

    private static double GdalTranslate(string source, string target, IReadOnlyList<string> creationOptions)
    {
        var psi = new ProcessStartInfo("gdal_translate") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-q", "--config", "GDAL_NUM_THREADS", "ALL_CPUS" }) psi.ArgumentList.Add(a);
        foreach (var co in creationOptions) { psi.ArgumentList.Add("-co"); psi.ArgumentList.Add(co); }
        psi.ArgumentList.Add(source);
        psi.ArgumentList.Add(target);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("gdal_translate could not be started (apt-get install gdal-bin).");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var t = sw.Elapsed.TotalSeconds;
        if (p.ExitCode != 0) throw new InvalidOperationException($"gdal_translate failed: {err}");
        return t;
    }

    /// <summary>Coherence-like Float32: a smooth field in [0.2, 0.9] plus speckle, quantised like real products are not (full float noise).</summary>
    private static float[] CoherenceLike(int n)
    {
        var rnd = new Random(42);
        var v = new float[n * n];
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                var smooth = 0.55 + 0.3 * Math.Sin(x * 0.01) * Math.Cos(y * 0.013);
                v[y * n + x] = (float)Math.Clamp(smooth + 0.08 * (rnd.NextDouble() - 0.5), 0, 1);
            }
        return v;
    }

    /// <summary>SLC-like CFloat32: circular-Gaussian samples (practically incompressible, as real SLCs are).</summary>
    private static float[] SlcLike(int n)
    {
        var rnd = new Random(43);
        var v = new float[2 * n * n];
        for (var i = 0; i < v.Length; i += 2)
        {
            var u1 = 1 - rnd.NextDouble();
            var u2 = rnd.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1)) * 100;
            v[i] = (float)(r * Math.Cos(2 * Math.PI * u2));
            v[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2));
        }
        return v;
    }
}
