using System.Globalization;
using System.Text;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// The direct path of `mine bench scale`: one asset's workflow without orchestration or storage
/// service, on local files. The same raster reads (decoded from bytes, as from blobs), the same Core
/// stages and the same product writes (encoded to bytes, then a file) as the activities, stage by
/// stage: stable statistics (all pairs), screening and NDAI per pair, annual means (with their counts, one raster) per year,
/// composite, classes, the composite's quick-look and counts per 3-year window; table rows become CSV files. The
/// run-level estimate is left out (one activity per run; the benchmark times it apart).
/// </summary>
internal static class ScaleBenchmarkDirect
{
    /// <summary>Runs one asset from <paramref name="inputDir"/>/asset to <paramref name="outDir"/>/asset; returns its pair count.</summary>
    public static async Task<int> RunAssetAsync(string inputDir, string outDir, string asset, PipelineSettings settings, CancellationToken ct)
    {
        var output = Directory.CreateDirectory(Path.Combine(outDir, asset)).FullName;
        var files = Directory.GetFiles(Path.Combine(inputDir, asset, "pairs"), "*.tif").Order(StringComparer.Ordinal).ToList();
        var thresholds = settings.Stable();
        var looks = settings.Window().Looks;

        // Stable points over the stack (StableStatisticsActivity).
        PixelStatistics? stats = null;
        GridSpec? grid = null;
        foreach (var file in files)
        {
            var (pixels, g) = await ReadAsync(file, ct);
            CoherenceInput.PrepareUserRaster(pixels);
            grid ??= g;
            (stats ??= new PixelStatistics(pixels.Length)).Add(pixels);
        }
        var mask = StableMask.FromStatistics(stats!, thresholds);
        var maskBand = mask.Pixels.ToArray().Select(s => s ? 1f : 0f).ToArray();
        var (mean, std) = (new float[stats!.Pixels], new float[stats.Pixels]);
        stats.CopyMeans(mean);
        stats.CopyStandardDeviations(std);
        await File.WriteAllBytesAsync(Path.Combine(output, "stable_points.tif"), GeoTiffWriter.WriteFloat32BandsToBytes([maskBand, mean, std], grid!), ct);

        // Screening and NDAI per pair (NdaiBatchActivity: the mask read once, then each pair).
        var rows = new StringBuilder("pair,year,stable_pixels,stable_mean,accepted\n");
        var accepted = new SortedDictionary<int, List<string>>();
        var stableMask = StableMask.FromArea(ToBytes((await ReadAsync(Path.Combine(output, "stable_points.tif"), ct)).Pixels));
        foreach (var file in files)
        {
            var (coherence, g) = await ReadAsync(file, ct);
            CoherenceInput.PrepareUserRaster(coherence);
            var decision = PairScreening.Evaluate(coherence, stableMask, thresholds);
            var dates = PairDateParser.FromFileName(file) ?? throw new InvalidDataException($"{file} names no dates.");
            var year = YearAssignment.YearOf(dates.Reference, dates.Secondary, settings.YearRule());
            rows.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)},{year},{decision.StablePixelCount},{decision.StableMean},{decision.Accepted}\n");
            if (!decision.Accepted) continue;
            var ndai = new float[coherence.Length];
            NdaiCalculator.Compute(coherence, decision.StableMean, ndai);
            var name = $"ndai_{Path.GetFileNameWithoutExtension(file)}.tif";
            await WriteFloatAsync(output, name, ndai, g, ct);
            (accepted.TryGetValue(year, out var list) ? list : accepted[year] = []).Add(name);
        }
        await File.WriteAllTextAsync(Path.Combine(output, "pairs.csv"), rows.ToString(), ct);

        // Annual means (AnnualMeanBatchActivity: the disturbance level from mask and mean, read once, then each year's NDAI rasters).
        var stableBands = await ReadBandsAsync(Path.Combine(output, "stable_points.tif"), ct);
        var level = DisturbanceLevel.StableCoherence(ToBytes(stableBands[0]), stableBands[1]) is { } c ? DisturbanceLevel.Of(c, looks) : double.NaN;
        foreach (var (year, names) in accepted)
        {
            var accumulator = new AnnualMeanAccumulator(mean.Length, level);
            foreach (var name in names) accumulator.Add((await ReadAsync(Path.Combine(output, name), ct)).Pixels);
            await File.WriteAllBytesAsync(Path.Combine(output, $"annual_{year}.tif"),
                GeoTiffWriter.WriteFloat32BandsToBytes([accumulator.Mean(), ToFloats(accumulator.Counts), ToFloats(accumulator.Disturbed)], grid!), ct);
        }

        // Windows (CompositeActivity: three annual means, the polygon, and for the adaptive rule the mask, mean, counts).
        var years = accepted.Keys.ToHashSet();
        var areas = new StringBuilder("first_year,active_pixels\n");
        foreach (var first in years.Where(y => years.Contains(y + 1) && years.Contains(y + 2)).Order())
        {
            var bands = new float[3][][];
            for (var i = 0; i < 3; i++) bands[i] = await ReadBandsAsync(Path.Combine(output, $"annual_{first + i}.tif"), ct);
            var annual = bands.Select(b => b[0]).ToArray();
            var polygon = PolygonMask.RasterizeContent(await File.ReadAllBytesAsync(Path.Combine(inputDir, asset, StorageLayout.PolygonFiles[0]), ct), StorageLayout.PolygonFiles[0], grid!);
            var classifier = settings.Classifier();
            AdaptiveInputs? adaptive = null;
            if (classifier.Rule == ClassificationRule.Adaptive)
            {
                var windowStable = await ReadBandsAsync(Path.Combine(output, "stable_points.tif"), ct);
                var (m, tm) = (ToBytes(windowStable[0]), windowStable[1]);
                var stable = DisturbanceLevel.StableCoherence(m, tm) ?? throw new InvalidDataException($"{asset} has no stable pixel.");
                var (pairs, disturbed, backgrounds) = (new float[3][], new float[3][], new YearBackground[3]);
                for (var i = 0; i < 3; i++)
                {
                    (pairs[i], disturbed[i]) = (bands[i][1], bands[i][2]);
                    backgrounds[i] = YearBackground.Estimate(annual[i], pairs[i], m, stable, looks);
                }
                adaptive = new AdaptiveInputs(pairs, disturbed, backgrounds, grid!.Width, settings.Window());
            }
            var result = WindowClassification.Run(annual[0], annual[1], annual[2], polygon, CompositeScaling.Default, classifier, adaptive);
            var window = StorageLayout.WindowId(first, first + 2);
            await WriteByteAsync(output, $"composite_{window}.tif", [result.Red, result.Green, result.Blue], grid!, null, true, ct);
            await WriteByteAsync(output, $"classes_{window}.tif", [result.Classes], grid!, ColourClassifier.Excluded, true, ct);
            await File.WriteAllBytesAsync(Path.Combine(output, $"composite_{window}.png"), QuickLookPng.Composite(grid!.Width, grid.Height, result.Red, result.Green, result.Blue, result.Classes), ct);
            await File.WriteAllTextAsync(Path.Combine(output, $"counts_{window}.csv"), ClassCountsCsvWriter.Write(result.Counts), ct);
            areas.Append(CultureInfo.InvariantCulture, $"{first},{result.Counts.ActivePixels(0)}\n");
        }
        await File.WriteAllTextAsync(Path.Combine(output, "activity.csv"), areas.ToString(), ct);
        return files.Count;
    }

    private static async Task<(float[] Pixels, GridSpec Grid)> ReadAsync(string path, CancellationToken ct)
    {
        using var raster = GdalRaster.OpenBytes(await File.ReadAllBytesAsync(path, ct), Path.GetFileName(path));
        return (raster.ReadFloat32(), raster.Grid);
    }

    private static async Task<float[][]> ReadBandsAsync(string path, CancellationToken ct)
    {
        using var raster = GdalRaster.OpenBytes(await File.ReadAllBytesAsync(path, ct), Path.GetFileName(path));
        return [.. Enumerable.Range(1, raster.Info.BandCount).Select(b => raster.ReadFloat32(b))];
    }

    private static Task WriteFloatAsync(string dir, string name, float[] pixels, GridSpec grid, CancellationToken ct) =>
        File.WriteAllBytesAsync(Path.Combine(dir, name), GeoTiffWriter.WriteFloat32ToBytes(pixels, grid), ct);

    private static Task WriteByteAsync(string dir, string name, IReadOnlyList<byte[]> bands, GridSpec grid, byte? noData, bool cog, CancellationToken ct) =>
        File.WriteAllBytesAsync(Path.Combine(dir, name), GeoTiffWriter.WriteByteToBytes(bands, grid, GeoTiffOptions.Default with { ByteNoData = noData, CloudOptimised = cog }), ct);

    private static byte[] ToBytes(float[] pixels) => pixels.Select(p => float.IsNaN(p) ? (byte)0 : (byte)p).ToArray();

    private static float[] ToFloats(ReadOnlySpan<int> counts)
    {
        var result = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++) result[i] = counts[i];
        return result;
    }
}
