using System.Diagnostics;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Tests;

/// <summary>`mine coherence` and `mine info` end to end on files.</summary>
public sealed class RasterCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-raster").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SharedDataFact("bench", "coherence_reference.py")]
    public async Task MineCoherence_OnASimulatedSlcPair_AgreesWithTheScipyReferenceOnInteriorPixels()
    {
        var scene = new SceneSimulator(new SceneSettings { Width = 96, Height = 80, Seed = 3 });
        var (s1, s2) = (new float[2 * scene.Pixels], new float[2 * scene.Pixels]);
        scene.FillSlc(0, s1, s2);
        var grid = GridSpec.NorthUp(scene.Width, scene.Height, 500_000, 7_000_000, 20, -20, GridCrs.Wkt(32723));
        var (a, b, ours, theirs) = (Path.Combine(_dir, "a.tif"), Path.Combine(_dir, "b.tif"), Path.Combine(_dir, "ours.tif"), Path.Combine(_dir, "theirs.tif"));
        GeoTiffWriter.WriteComplex64(a, s1, grid);
        GeoTiffWriter.WriteComplex64(b, s2, grid);

        var (code, _, err) = await Mine.RunAsync("coherence", "--reference", a, "--secondary", b, "--out", ours, "--window", "7x2");
        Assert.True(code == 0, err);
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { SharedData.Require("bench", "coherence_reference.py"), "--ref", a, "--sec", b, "--out", theirs, "--window", "7x2", "--reps", "1" }) psi.ArgumentList.Add(arg);
        using (var python = Process.Start(psi)!)
        {
            var stderr = python.StandardError.ReadToEndAsync();
            await python.StandardOutput.ReadToEndAsync();
            await python.WaitForExitAsync();
            Assert.True(python.ExitCode == 0, await stderr);
        }

        using var mine = GdalRaster.Open(ours);
        using var reference = GdalRaster.Open(theirs);
        var (g1, g2) = (mine.ReadFloat32(), reference.ReadFloat32());
        var worst = 0.0;
        // Interior: 3 columns and 1 row from every edge keep the 7×2 window inside the raster.
        for (var y = 1; y < scene.Height - 1; y++)
            for (var x = 3; x < scene.Width - 3; x++)
                worst = Math.Max(worst, Math.Abs(g1[(y * scene.Width) + x] - g2[(y * scene.Width) + x]));
        Assert.True(worst < 1e-4, $"max difference {worst}");
    }

    [SharedDataFact("data", "real", "pyrate-cropA-mexico-city")]
    public async Task MineInfo_OnARealGammaCoherenceRaster_ShowsSizeCrsNoDataAndDates()
    {
        var file = SharedData.Real("pyrate-cropA-mexico-city", "cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif");
        var (code, output, err) = await Mine.RunAsync("info", file);
        Assert.True(code == 0, err);
        Assert.Contains("100", output);
        Assert.Contains("60", output);
        Assert.Contains("4326", output);
        Assert.Contains("2018-01-06", output);
        Assert.Contains("2018-01-30", output);
    }

    [Fact]
    public async Task MineInfo_OnATextFileNamedTif_FailsWithAMessage_NotAStackTrace()
    {
        var file = Path.Combine(_dir, "fake.tif");
        await File.WriteAllTextAsync(file, "not a raster");
        var (code, _, err) = await Mine.RunAsync("info", file);
        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", err);
    }
}
