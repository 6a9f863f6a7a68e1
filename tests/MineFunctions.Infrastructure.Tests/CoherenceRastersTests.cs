using MineFunctions.Core.Coherence;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class CoherenceRastersTests
{
    private const int W = 300, H = 200;

    [SharedDataTheory("bench", "coherence_reference.py")]
    [InlineData("7x2", 64)]
    [InlineData("5x5", 37)]
    [InlineData("10x3", 1000)]
    public void SimulatedPair_AgreesWithTheNumpyReference_OnInteriorPixels_Within1e4(string windowText, int stripRows)
    {
        using var dir = new TempDir();
        var (refPath, secPath) = SimulatedPair(dir);
        var window = CoherenceWindow.Parse(windowText);
        var ours = dir.File("ours.tif");
        var summary = CoherenceRasters.Compute(refPath, secPath, ours, window, stripRows: stripRows);
        Assert.Equal((W, H), (summary.Width, summary.Height));

        var theirs = dir.File("reference.tif");
        ExternalTool.Run("/usr/bin/python3", SharedData.Require("bench", "coherence_reference.py"), "--ref", refPath, "--sec", secPath, "--out", theirs, "--window", windowText, "--reps", "1");
        using var a = GdalRaster.Open(ours);
        using var b = GdalRaster.Open(theirs);
        Assert.Equal(windowText, a.Info.Metadata["COHERENCE_WINDOW"]);
        var ga = a.ReadFloat32();
        var gb = b.ReadFloat32();
        int bx = window.X / 2, ax = window.X - 1 - window.X / 2, by = window.Y / 2, ay = window.Y - 1 - window.Y / 2;
        var compared = 0;
        var maxDiff = 0.0;
        for (var y = by; y < H - ay; y++)
            for (var x = bx; x < W - ax; x++)
            {
                maxDiff = Math.Max(maxDiff, Math.Abs(ga[y * W + x] - gb[y * W + x]));
                compared++;
            }
        Assert.True(maxDiff < 1e-4, $"max |ours − numpy| = {maxDiff} over {compared} interior pixels");
        // The ramp of true coherence 0 → 1 shows: left columns are decorrelated (≈ bias floor), right ones ≈ 1.
        double ColumnMean(int x0, int x1) => Enumerable.Range(10, H - 20).SelectMany(y => Enumerable.Range(x0, x1 - x0).Select(x => (double)ga[y * W + x])).Average();
        Assert.InRange(ColumnMean(10, 20), 0.1, 0.45);
        Assert.InRange(ColumnMean(W - 20, W - 10), 0.9, 1.0);
    }

    [Fact]
    public void Strips_GiveTheSameResultAsTheWholeRasterEstimate_IncludingEdges()
    {
        using var dir = new TempDir();
        var (refPath, secPath) = SimulatedPair(dir);
        var window = CoherenceWindow.Parse("7x4");
        CoherenceRasters.Compute(refPath, secPath, dir.File("strips.tif"), window, stripRows: 17);
        using var r1 = GdalRaster.Open(refPath);
        using var r2 = GdalRaster.Open(secPath);
        var whole = new float[W * H];
        CoherenceEstimator.Estimate(r1.ReadComplex64(), r2.ReadComplex64(), W, H, window, whole);
        using var strips = GdalRaster.Open(dir.File("strips.tif"));
        var s = strips.ReadFloat32();
        for (var i = 0; i < whole.Length; i++) Assert.Equal(whole[i], s[i], 1e-6f);
    }

    [Fact]
    public void NoDataEdges_MarkPixelsWhoseWindowDoesNotFit()
    {
        using var dir = new TempDir();
        var (refPath, secPath) = SimulatedPair(dir);
        var s = CoherenceRasters.Compute(refPath, secPath, dir.File("c.tif"), CoherenceWindow.Parse("7x2"), CoherenceEdgeMode.NoData, stripRows: 50);
        // 7x2: 3 columns left, 3 right, 0 rows above, 1 row below are incomplete.
        Assert.Equal(W * H - (W - 6) * (H - 1), s.NoDataPixels);
    }

    [Fact]
    public void RealValuedInput_IsRejected_AndGridMismatchIsNamed()
    {
        using var dir = new TempDir();
        var (refPath, _) = SimulatedPair(dir);
        var real = dir.File("real.tif");
        GeoTiffWriter.WriteFloat32(real, new float[W * H], TestGrids.Utm33N(W, H));
        Assert.Throws<InvalidDataException>(() => CoherenceRasters.Compute(refPath, real, dir.File("x.tif"), CoherenceWindow.Default));
        var shifted = dir.File("shifted.tif");
        GeoTiffWriter.WriteComplex64(shifted, new float[2 * W * H], TestGrids.Utm33N(W, H) with { GeoTransform = [500_010, 10, 0, 5_000_000, 0, -10] });
        var ex = Assert.Throws<GridMismatchException>(() => CoherenceRasters.Compute(refPath, shifted, dir.File("y.tif"), CoherenceWindow.Default));
        Assert.Contains("origin x", ex.Message);
    }

    /// <summary>Circular-Gaussian pair whose true coherence ramps from 0 (left) to 1 (right), written as CFloat32.</summary>
    private static (string Reference, string Secondary) SimulatedPair(TempDir dir)
    {
        var rnd = new Random(11);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rnd.NextDouble())) * Math.Cos(2 * Math.PI * rnd.NextDouble());
        var s1 = new float[2 * W * H];
        var s2 = new float[2 * W * H];
        for (var y = 0; y < H; y++)
            for (var x = 0; x < W; x++)
            {
                var d = x / (double)(W - 1);
                var i = 2 * (y * W + x);
                double ar = Gauss(), ai = Gauss(), br = Gauss(), bi = Gauss();
                s1[i] = (float)ar;
                s1[i + 1] = (float)ai;
                s2[i] = (float)(d * ar + Math.Sqrt(1 - d * d) * br);
                s2[i + 1] = (float)(d * ai + Math.Sqrt(1 - d * d) * bi);
            }
        var grid = TestGrids.Utm33N(W, H);
        var refPath = dir.File("ref.tif");
        var secPath = dir.File("sec.tif");
        GeoTiffWriter.WriteComplex64(refPath, s1, grid);
        GeoTiffWriter.WriteComplex64(secPath, s2, grid);
        return (refPath, secPath);
    }
}
