using MineFunctions.Core.Contracts;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Tests;

/// <summary>The stage commands on plain files: `mine ndai` and `mine composite`.</summary>
public sealed class StageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-stage").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SharedDataFact("data", "real", "pyrate-cropA-mexico-city")]
    public async Task MineNdai_OnTheRealPyRateStack_ReportsEveryPairWithItsDatesAndDecision()
    {
        var pairs = SharedData.Real("pyrate-cropA-mexico-city");
        var (code, output, err) = await Mine.RunAsync("ndai", "--pairs", pairs, "--out", _dir);
        Assert.True(code == 0, err);
        var report = await File.ReadAllLinesAsync(Path.Combine(_dir, "pairs.csv"));
        Assert.Equal("file,reference,secondary,year,stable_pixels,stable_mean,stable_std,accepted,reason", report[0]);
        Assert.Equal(30, report.Length - 1);
        Assert.Contains(report, l => l.StartsWith("cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif,2018-01-06,2018-01-30,2018,", StringComparison.Ordinal));
        Assert.All(report.Skip(1), l => Assert.Matches(",(yes|no),\".+\"$", l));
        Assert.Contains("30 pairs on a 100×60 grid", output);
    }

    [Fact]
    public async Task MineNdai_WithoutTifFiles_IsAUsageError()
    {
        var (code, _, err) = await Mine.RunAsync("ndai", "--pairs", _dir, "--out", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("No .tif files", err);
    }

    [Fact]
    public async Task MineComposite_CountsTheClassesInsideThePolygonOnly()
    {
        // 4 × 4 grid: the left half active in year 1 only (red), the right half active every year (white);
        // the polygon covers the top three rows, so the bottom row is in no count.
        const int w = 4, h = 4;
        var grid = GridSpec.NorthUp(w, h, 500_000, 7_000_000, 20, -20, GridCrs.Wkt(32723));
        float[] Year(bool left, bool right) => Enumerable.Range(0, w * h).Select(i => (i % w < 2 ? left : right) ? 0.6f : 0f).ToArray();
        var paths = new[] { "y1.tif", "y2.tif", "y3.tif" }.Select(f => Path.Combine(_dir, f)).ToArray();
        GeoTiffWriter.WriteFloat32(paths[0], Year(true, true), grid);
        GeoTiffWriter.WriteFloat32(paths[1], Year(false, true), grid);
        GeoTiffWriter.WriteFloat32(paths[2], Year(false, true), grid);
        var polygon = Path.Combine(_dir, "mine.geojson");
        await File.WriteAllTextAsync(polygon, PolygonGeoJson.FromPixelVertices([(0, 0), (4, 0), (4, 3), (0, 3)], grid));

        var outDir = Path.Combine(_dir, "out");
        var (code, _, err) = await Mine.RunAsync("composite", "--years", paths[0], paths[1], paths[2], "--aoi", polygon, "--out", outDir, "--rule", "hsv");
        Assert.True(code == 0, err);
        var (counts, errors) = ClassCountsCsvReader.Read(new StringReader(await File.ReadAllTextAsync(Path.Combine(outDir, "counts.csv"))), "counts.csv");
        Assert.Empty(errors);
        Assert.Equal(6, counts![ColourClass.Red]);
        Assert.Equal(6, counts[ColourClass.White]);
        Assert.Equal(12, counts.Total);
        foreach (var file in new[] { "composite.tif", "classes.tif", "composite.png", "class-red.png", "LEGEND.md" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
    }

    [Fact]
    public async Task MineComposite_AdaptiveByDefault_DecidesFromThePairCountsBesideEachYear()
    {
        // Same layout as above, as `mine ndai` writes it: stable bottom row (mean coherence 0.95, NDAI 0);
        // d = (0.95 − 0.2390)/(0.95 + 0.2390) = 0.598 for 7 × 2 looks, threshold 0.22 × 0.598 = 0.132.
        // Active years: mean 0.3 and 10 of 30 pairs disturbed; inactive: mean 0.05 and none.
        const int w = 4, h = 4;
        var grid = GridSpec.NorthUp(w, h, 500_000, 7_000_000, 20, -20, GridCrs.Wkt(32723));
        float[] Raster(Func<int, float> f) => Enumerable.Range(0, w * h).Select(f).ToArray();
        bool Stable(int i) => i / w == 3;
        float[] Year(bool left, bool right, bool pairs = false, bool disturbed = false) => Raster(i =>
            pairs ? 30 : (i % w < 2 ? left : right) && !Stable(i) ? (disturbed ? 10 : 0.3f) : (disturbed ? 0 : Stable(i) ? 0f : 0.05f));
        var active = new[] { (true, true), (false, true), (false, true) };
        var paths = new string[3];
        for (var y = 0; y < 3; y++)
        {
            var (l, r) = active[y];
            paths[y] = Path.Combine(_dir, $"ndai_{2020 + y}.tif");
            GeoTiffWriter.WriteFloat32(paths[y], Year(l, r), grid);
            GeoTiffWriter.WriteFloat32(Path.Combine(_dir, $"ndai_{2020 + y}_pairs.tif"), Year(l, r, pairs: true), grid);
            GeoTiffWriter.WriteFloat32(Path.Combine(_dir, $"ndai_{2020 + y}_disturbed.tif"), Year(l, r, disturbed: true), grid);
        }
        var polygon = Path.Combine(_dir, "mine.geojson");
        await File.WriteAllTextAsync(polygon, PolygonGeoJson.FromPixelVertices([(0, 0), (4, 0), (4, 3), (0, 3)], grid));
        var outDir = Path.Combine(_dir, "out");

        var (missing, _, missingErr) = await Mine.RunAsync("composite", "--years", paths[0], paths[1], paths[2], "--aoi", polygon, "--out", outDir);
        Assert.Equal(2, missing);
        Assert.Contains("stable_mask.tif", missingErr);

        GeoTiffWriter.WriteByte(Path.Combine(_dir, "stable_mask.tif"), [Raster(i => Stable(i) ? 1 : 0).Select(v => (byte)v).ToArray()], grid);
        GeoTiffWriter.WriteFloat32(Path.Combine(_dir, "stable_mean.tif"), Raster(i => Stable(i) ? 0.95f : 0.5f), grid);
        var (code, output, err) = await Mine.RunAsync("composite", "--years", paths[0], paths[1], paths[2], "--aoi", polygon, "--out", outDir);
        Assert.True(code == 0, err);
        var (counts, errors) = ClassCountsCsvReader.Read(new StringReader(await File.ReadAllTextAsync(Path.Combine(outDir, "counts.csv"))), "counts.csv");
        Assert.Empty(errors);
        Assert.Equal(6, counts![ColourClass.Red]);
        Assert.Equal(6, counts[ColourClass.White]);
        Assert.Contains("Rule Adaptive", output);
        Assert.Contains("(0 uncertain)", output);

        // The rule's share is a setting: at 0.6 the threshold is 0.6 × 0.598 = 0.359, above the active years'
        // mean of 0.3, so no year is active and all 12 pixels are black.
        var (strict, _, strictErr) = await Mine.RunAsync("composite", "--years", paths[0], paths[1], paths[2], "--aoi", polygon, "--out", outDir, "--active-share", "0.6");
        Assert.True(strict == 0, strictErr);
        var (strictCounts, _) = ClassCountsCsvReader.Read(new StringReader(await File.ReadAllTextAsync(Path.Combine(outDir, "counts.csv"))), "counts.csv");
        Assert.Equal(12, strictCounts![ColourClass.Black]);
    }

    [Theory]
    [InlineData("composite", "--value-min", "1.5")]
    [InlineData("composite", "--active-share", "1")]
    [InlineData("run", "--active-z", "-1")]
    [InlineData("run", "--saturation-min", "2")]
    [InlineData("serve", "--channel-threshold", "-0.1")]
    public async Task ClassifierThresholdsOutOfRange_AreUsageErrors_BeforeAnyWork(string command, string option, string value)
    {
        string[] required = command switch
        {
            "run" => ["--input", Path.Combine(_dir, "nowhere")],
            "serve" => ["--state", Path.Combine(_dir, "state")],
            _ => ["--years", "a.tif", "b.tif", "c.tif", "--aoi", "p.geojson", "--out", _dir],
        };
        var (code, _, err) = await Mine.RunAsync([command, .. required, option, value]);
        Assert.Equal(2, code);
        Assert.Contains("0-1 scale", err);
    }

    [Fact]
    public async Task MineComposite_NeedsExactlyThreeYears()
    {
        var (code, _, err) = await Mine.RunAsync("composite", "--years", "a.tif", "b.tif", "--aoi", "p.geojson", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("exactly three", err);
    }

    [SmallDiskFact]
    public async Task MineComposite_OnAFullDisk_FailsInOneSentence_AndLeavesNoPartialFile()
    {
        // 256 × 256 noise: its composite alone is far larger than the 64 KB disk.
        const int w = 256, h = 256;
        var grid = GridSpec.NorthUp(w, h, 500_000, 7_000_000, 20, -20, GridCrs.Wkt(32723));
        var random = new Random(11);
        var paths = new[] { "y1.tif", "y2.tif", "y3.tif" }.Select(f => Path.Combine(_dir, f)).ToArray();
        foreach (var path in paths) GeoTiffWriter.WriteFloat32(path, Enumerable.Range(0, w * h).Select(_ => random.NextSingle() * 0.6f).ToArray(), grid);
        var polygon = Path.Combine(_dir, "mine.geojson");
        await File.WriteAllTextAsync(polygon, PolygonGeoJson.FromPixelVertices([(0, 0), (w, 0), (w, h), (0, h)], grid));

        using var disk = SmallDisk.Mount(64 * 1024);
        // The seed's rule needs only the three years (the adaptive default reads files beside them).
        var (code, _, err) = await Mine.RunAsync("composite", "--years", paths[0], paths[1], paths[2], "--aoi", polygon, "--out", disk.Path, "--rule", "hsv");

        Assert.True(code == 1, err);
        Assert.DoesNotContain("   at ", err);
        Assert.Contains("space", err, StringComparison.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(disk.Path))
        {
            Assert.DoesNotContain(".partial", file, StringComparison.Ordinal);
            // What is there is whole: the counts CSV parses and every raster opens and reads.
            if (file.EndsWith(".csv", StringComparison.Ordinal)) Assert.Empty(ClassCountsCsvReader.Read(new StringReader(await File.ReadAllTextAsync(file)), "counts.csv").Errors);
            else if (file.EndsWith(".tif", StringComparison.Ordinal) || file.EndsWith(".png", StringComparison.Ordinal))
            {
                using var raster = GdalRaster.Open(file);
                Assert.Equal(w, raster.ReadFloat32().Length / h);
            }
        }
    }
}
