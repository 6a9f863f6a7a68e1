using System.Diagnostics;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Tests;

/// <summary>
/// The real Sentinel-1 SLC pair (sarxarray's Amsterdam crop, 338 × 84, radar geometry, no CRS) read by
/// `mine info` and run through `mine coherence`, against a float64 numpy reference written from the
/// formula (Reference/slc_coherence.py, METHOD.md §1.2), over every pixel including the truncated edges.
/// </summary>
public sealed class RealSlcTests : IDisposable
{
    private const string Folder = "s1-slc-pair-amsterdam";
    private const string Reference = "S1A_IW3_VV_19Mar2023_slc_crop_cfloat32.tif";
    private const string Secondary = "S1A_IW3_VV_31Mar2023_slc_crop_cfloat32.tif";
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-real-slc").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SharedDataFact("data", "real", Folder)]
    public async Task MineInfo_OnTheRealSlc_ShowsAComplexAcquisitionInRadarGeometry_AndWhatItNeeds()
    {
        var (code, output, err) = await Mine.RunAsync("info", SharedData.Real(Folder, Reference));
        Assert.True(code == 0, err);
        Assert.Contains("338 × 84 px, 1 band(s), CFloat32", output);
        Assert.Contains("CRS:          (none)", output);
        Assert.Contains("an SLC acquisition of 2023-03-19", output);
        Assert.Contains("terrain correction", output);
    }

    [SharedDataTheory("data", "real", Folder)]
    [InlineData("7x2")]
    [InlineData("5x5")]
    public async Task MineCoherence_OnTheRealSlcPair_MatchesTheNumpyReferenceOnEveryPixel(string window)
    {
        var (a, b) = (SharedData.Real(Folder, Reference), SharedData.Real(Folder, Secondary));
        var (ours, theirs) = (Path.Combine(_dir, "coh.tif"), Path.Combine(_dir, "reference.f64"));
        var (code, output, err) = await Mine.RunAsync("coherence", "--reference", a, "--secondary", b, "--out", ours, "--window", window);
        Assert.True(code == 0, err);
        Assert.Contains("no CRS", output);

        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Mine.RepoPath("tests", "MineFunctions.Cli.Tests", "Reference", "slc_coherence.py"), a, b, theirs, "--window", window })
            psi.ArgumentList.Add(arg);
        using (var python = Process.Start(psi)!)
        {
            var stderr = python.StandardError.ReadToEndAsync();
            Assert.Equal("338 84", (await python.StandardOutput.ReadToEndAsync()).Trim());
            await python.WaitForExitAsync();
            Assert.True(python.ExitCode == 0, await stderr);
        }

        using var raster = GdalRaster.Open(ours);
        Assert.Equal((338, 84), (raster.Info.Width, raster.Info.Height));
        Assert.Equal("", raster.Info.CrsWkt);
        var mine = raster.ReadFloat32();
        var bytes = await File.ReadAllBytesAsync(theirs);
        Assert.Equal(mine.Length * sizeof(double), bytes.Length);
        var worst = 0.0;
        var sum = 0.0;
        for (var i = 0; i < mine.Length; i++)
        {
            var expected = BitConverter.ToDouble(bytes, i * sizeof(double));
            Assert.False(float.IsNaN(mine[i]), $"pixel {i} is nodata");
            worst = Math.Max(worst, Math.Abs(mine[i] - expected));
            sum += expected;
        }
        Assert.True(worst < 1e-4, $"max |ours - reference| = {worst:E2} over {mine.Length} pixels");
        // A real, mostly coherent urban/harbour scene 12 days apart: not noise (≈ 0.24 for 7x2) nor a constant.
        Assert.InRange(sum / mine.Length, 0.6, 0.9);
    }
}
