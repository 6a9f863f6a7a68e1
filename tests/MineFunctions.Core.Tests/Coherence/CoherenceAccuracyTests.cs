using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests.Coherence;

/// <summary>
/// What the float kernel must keep: full precision next to bright scatterers, the reference where
/// float's range is not enough, nodata from ±Inf as well as NaN, every raster width and window, and
/// output that does not depend on how rows are cut into work. Every case runs on both vector
/// widths (bit-identical) and is checked against <see cref="CoherenceReference"/>.
/// </summary>
public sealed class CoherenceAccuracyTests
{
    [Theory]
    [InlineData(7, 2)]
    [InlineData(15, 4)]
    [InlineData(41, 23)]
    public void DarkWindowsNextToBrightScatterers_KeepFullPrecision(int wx, int wy)
    {
        // Corner-reflector-like pixels 90 dB above the speckle around them: a running sum (prefix
        // difference) in float would lose the dark windows entirely; sums without subtraction add
        // no term they do not hold.
        const int w = 96, h = 48;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 11, nodataFraction: 0);
        foreach (var (x, y) in new[] { (5, 3), (40, 20), (41, 20), (90, 45), (17, 33) })
        {
            var i = 2 * (y * w + x);
            a[i] *= 3e4f; a[i + 1] *= 3e4f; b[i] *= 2e4f; b[i + 1] *= 2e4f;
        }
        AssertMatchesReference(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Theory]
    [InlineData(1e12f, 16, 7, 2)]
    [InlineData(1e12f, 0, 7, 2)]
    [InlineData(1e-12f, 0, 7, 2)]
    [InlineData(1e25f, 9, 5, 5)]
    [InlineData(1e-18f, 20, 19, 3)]
    public void SamplesBeyondFloatsSafeRange_GiveTheScaleInvariantCoherence(float scale, int firstRow, int wx, int wy)
    {
        // From firstRow on both images are scaled: |s|² of 1e24 … 1e50 or 1e-24 … 1e-36, so the
        // window powers (or their product) leave float's range and those windows are computed by
        // the reference instead. γ̂ does not change when an image is scaled, so the answer is the
        // unscaled pair's, which stays on the float path: an independent check of the fallback.
        const int w = 45, h = 70;
        var win = new CoherenceWindow(wx, wy);
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 5, nodataFraction: 0.01);
        var unscaled = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, unscaled);
        for (var i = 2 * w * firstRow; i < a.Length; i++) { a[i] *= scale; b[i] *= scale; }
        var g = AssertMatchesReference(a, b, w, h, win);
        var by = CoherenceWindow.Before(wy);
        for (var i = (firstRow + by) * w; i < g.Length; i++)
        {
            if (float.IsNaN(unscaled[i])) Assert.True(float.IsNaN(g[i]), $"pixel {i} should be nodata");
            else Assert.True(Math.Abs(g[i] - unscaled[i]) <= 1e-5, $"pixel ({i % w},{i / w}) scaled by {scale}: {g[i]} vs {unscaled[i]}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWindowBeyondFloatsSafeRange_IsRedoneAlone_LaterRowsKeepTheirFloatResults(bool portable)
    {
        // Two samples of 1e12 (window powers near 1e24 > 2^60), in rows 5 and 30 and far apart in
        // columns: only the windows holding one of them go to the reference. Every other pixel, in
        // particular those of rows 30-31 below the first sample's columns, must have the bits of a
        // run without the two samples: a guard left over from row 5 must not send them to the reference.
        const int w = 64, h = 40;
        var win = new CoherenceWindow(7, 2);
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 23, nodataFraction: 0);
        var options = new CoherenceOptions { PortableVectors = portable };
        var plain = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, plain, options);
        foreach (var (x, y) in new[] { (10, 5), (50, 30) })
        {
            var i = 2 * (y * w + x);
            a[i] *= 1e12f; a[i + 1] *= 1e12f; b[i] *= 1e12f; b[i + 1] *= 1e12f;
        }
        var bright = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, bright, options);
        var reference = CoherenceReference.Estimate(a, b, w, h, win);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var holds = (y is 5 or 6 && Math.Abs(x - 10) <= 3) || (y is 30 or 31 && Math.Abs(x - 50) <= 3);
            var i = y * w + x;
            if (holds) Assert.True(Math.Abs(bright[i] - reference[i]) <= 1e-6, $"pixel ({x},{y}): {bright[i]} vs reference {reference[i]}");
            else Assert.True(BitConverter.SingleToInt32Bits(plain[i]) == BitConverter.SingleToInt32Bits(bright[i]), $"pixel ({x},{y}) changed: {plain[i]} -> {bright[i]}");
        }
    }

    [Fact]
    public void InfiniteSamples_AreNodataLikeNaN()
    {
        const int w = 40, h = 36;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 9, nodataFraction: 0);
        a[2 * (10 * w + 12)] = float.PositiveInfinity;
        b[2 * (25 * w + 30) + 1] = float.NegativeInfinity;
        var g = AssertMatchesReference(a, b, w, h, CoherenceWindow.Default);
        Assert.True(float.IsNaN(g[10 * w + 12]));
        Assert.True(float.IsNaN(g[25 * w + 30]));
        Assert.Equal(2 * 7 * 2, g.Count(float.IsNaN));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(5, 7, 2)]
    [InlineData(16, 17, 2)]
    [InlineData(17, 17, 2)]
    [InlineData(17, 16, 1)]
    [InlineData(40, 17, 2)]
    [InlineData(40, 33, 2)]
    [InlineData(70, 32, 1)]
    [InlineData(70, 35, 2)]
    [InlineData(40, 2, 2)]
    [InlineData(33, 1, 1)]
    [InlineData(17, 17, 3)]
    [InlineData(5, 3, 5)]
    [InlineData(40, 9, 40)]
    [InlineData(70, 41, 23)]
    [InlineData(90, 2, 37)]
    [InlineData(130, 255, 3)]
    public void AnyWidthAndWindow_MatchTheReference(int w, int wx, int wy)
    {
        // Widths below, at and past one vector of 16 or 8 lanes, windows wider and taller than
        // the raster (columns and rows outside it add zeros), the partial last vector, and windows
        // reaching up to a vector to a side (17 and 33 columns: lane shifts of tiles in registers)
        // and beyond (read from memory), so both ways of summing columns must agree bit for bit.
        const int h = 37;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: (ulong)(41 + w), nodataFraction: 0.01);
        AssertMatchesReference(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(4, 1)]
    [InlineData(1, 1)]
    [InlineData(9, 3)]
    [InlineData(5, 7)]
    [InlineData(19, 5)]
    public void OutputDoesNotDependOnHowRowsAreCutIntoWork(int wx, int wy)
    {
        // A window's sums are added in an order fixed by the window, so blocks and threads only
        // decide who computes a value, never how it is rounded.
        const int w = 83, h = 150;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 31, nodataFraction: 0.01);
        var win = new CoherenceWindow(wx, wy);
        var reference = Run(a, b, w, h, win, new CoherenceOptions { BlockRows = 64 });
        foreach (var blockRows in new[] { 1, 16, 40, 1000 })
        foreach (var portable in new[] { false, true })
            Assert.Equal(reference, Run(a, b, w, h, win, new CoherenceOptions { BlockRows = blockRows, PortableVectors = portable, MaxDegreeOfParallelism = 2 }));
    }

    private static int[] Run(float[] a, float[] b, int w, int h, CoherenceWindow win, CoherenceOptions options)
    {
        var g = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, g, options);
        return CoherenceEstimatorTests.Bits(g);
    }

    /// <summary>Both vector widths within 1e-5 of the reference (nodata where it is nodata), bit-identical to each other.</summary>
    private static float[] AssertMatchesReference(float[] a, float[] b, int w, int h, CoherenceWindow win)
    {
        var expected = CoherenceReference.Estimate(a, b, w, h, win);
        var widest = new float[w * h];
        var portable = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, widest);
        CoherenceEstimator.Estimate(a, b, w, h, win, portable, new CoherenceOptions { PortableVectors = true });
        Assert.Equal(CoherenceEstimatorTests.Bits(portable), CoherenceEstimatorTests.Bits(widest));
        for (var i = 0; i < widest.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(float.IsNaN(widest[i]), $"pixel ({i % w},{i / w}) window {win} should be nodata, got {widest[i]}");
            else Assert.True(Math.Abs(widest[i] - expected[i]) <= 1e-5, $"pixel ({i % w},{i / w}) window {win}: {widest[i]} vs {expected[i]}");
        }
        return widest;
    }
}
