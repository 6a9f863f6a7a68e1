using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests.Coherence;

/// <summary>
/// What the float kernels (the AVX-512 path: row kernel and tile kernel) must keep from the double
/// kernel: full precision next to bright scatterers, a double fallback where float's range is not enough, nodata
/// from ±Inf as well as NaN, and output that does not depend on how rows are cut into work. Every
/// case is checked on the vector and the scalar path, against the direct double implementation.
/// </summary>
public sealed class CoherenceFloatPathTests
{
    [Theory]
    [InlineData(7, 2)]
    [InlineData(15, 4)]
    public void DarkWindowsNextToBrightScatterers_KeepFullPrecision(int wx, int wy)
    {
        // Corner-reflector-like pixels 90 dB above the speckle around them: a prefix difference in
        // float would lose the dark windows entirely; sums without subtraction add no term they do not hold.
        const int w = 96, h = 48;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 11, nodataFraction: 0);
        foreach (var (x, y) in new[] { (5, 3), (40, 20), (41, 20), (90, 45), (17, 33) })
        {
            var i = 2 * (y * w + x);
            a[i] *= 3e4f; a[i + 1] *= 3e4f; b[i] *= 2e4f; b[i + 1] *= 2e4f;
        }
        AssertMatchesDirect(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Theory]
    [InlineData(1e12f, 16, 7, 2)]
    [InlineData(1e12f, 0, 7, 2)]
    [InlineData(1e-12f, 0, 7, 2)]
    [InlineData(1e12f, 16, 5, 5)] // the row kernel's block sums (3 rows and more)
    [InlineData(1e12f, 20, 19, 3)] // the tile kernel
    public void SamplesBeyondFloatsSafeRange_AreRedoneInDouble(float scale, int firstRow, int wx, int wy)
    {
        // |s|² of 1e24 or 1e-24: the product of the two window powers leaves float's range, so a
        // float-only kernel would return 0 for these windows. From row 16 (20) on, the first band stays
        // on the float path and meets the bands redone in double. (Not a jump inside a band: the
        // double kernel zeroes a window 1e14 below the power its block has summed, see its remarks.)
        const int w = 45, h = 70;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 5, nodataFraction: 0.01);
        for (var i = 2 * w * firstRow; i < a.Length; i++) { a[i] *= scale; b[i] *= scale; }
        AssertMatchesDirect(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Fact]
    public void OutOfRangeBandsFarDownALargeWorkUnit_AreStillRedoneInDouble()
    {
        // A BlockRows far above 64 bands of 16 rows (units are capped at 64 bands, one bit each in
        // the mask of bands to redo): a band past the 64th row band that needs double still gets it.
        const int w = 20, h = 1200;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 13, nodataFraction: 0);
        for (var i = 2 * w * 1104; i < a.Length; i++) { a[i] *= 1e12f; b[i] *= 1e12f; }
        AssertMatchesDirect(a, b, w, h, CoherenceWindow.Default, new CoherenceOptions { BlockRows = 4096 });
    }

    [Fact]
    public void InfiniteSamples_AreNodataLikeNaN()
    {
        const int w = 40, h = 36;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 9, nodataFraction: 0);
        a[2 * (10 * w + 12)] = float.PositiveInfinity;
        b[2 * (25 * w + 30) + 1] = float.NegativeInfinity;
        var g = AssertMatchesDirect(a, b, w, h, CoherenceWindow.Default);
        Assert.True(float.IsNaN(g[10 * w + 12]));
        Assert.True(float.IsNaN(g[25 * w + 30]));
        Assert.Equal(2 * 7 * 2, g.Count(float.IsNaN));
    }

    [Theory]
    [InlineData(41, 23)]
    [InlineData(2, 37)]
    public void LargeAndTallWindows_MatchTheDirectImplementation(int wx, int wy)
    {
        const int w = 70, h = 90;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 23, nodataFraction: 0.002);
        AssertMatchesDirect(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Theory]
    [InlineData(7, 2)]  // the row kernel (up to 17 columns): two rows, one, block sums down the columns
    [InlineData(4, 1)]
    [InlineData(17, 2)]
    [InlineData(1, 1)]
    [InlineData(9, 3)]
    [InlineData(5, 7)]
    [InlineData(18, 2)] // the tile kernel (wider windows)
    [InlineData(19, 5)]
    public void OnTheFloatPath_OutputDoesNotDependOnHowRowsAreCutIntoWork(int wx, int wy)
    {
        // A window's sum depends only on the window (the row kernel adds its terms in one order, the
        // tile kernel's blocks are aligned to the raster's row and column 0), so bands, work units
        // and threads only decide who computes a value, never how it is rounded. (The
        // double prefix kernel of other machines restarts its sums per block: not the case there.)
        if (CoherenceEstimator.KernelPath != "avx512") return;
        const int w = 83, h = 150;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: 31, nodataFraction: 0.01);
        var win = new CoherenceWindow(wx, wy);
        var reference = Run(a, b, w, h, win, new CoherenceOptions { BlockRows = 64 });
        foreach (var blockRows in new[] { 1, 16, 40, 1000 })
        foreach (var scalar in new[] { false, true })
            Assert.Equal(reference, Run(a, b, w, h, win, new CoherenceOptions { BlockRows = blockRows, ForceScalar = scalar, MaxDegreeOfParallelism = 2 }));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(5, 7, 2)]
    [InlineData(16, 17, 2)]
    [InlineData(17, 17, 2)]
    [InlineData(17, 16, 1)]
    [InlineData(40, 17, 2)]
    [InlineData(40, 2, 2)]
    [InlineData(33, 1, 1)]
    [InlineData(17, 17, 3)]
    [InlineData(5, 3, 5)]
    [InlineData(40, 9, 40)]
    public void RowKernelWindows_AtAnyWidth_MatchTheDirectImplementation(int w, int wx, int wy)
    {
        // Widths below, at and just past one 16-column tile, and windows reaching the whole
        // neighbouring tile: the partial last tile, the zero tile past the raster and the shifts
        // across tiles all meet the edges; windows of 3 rows and more (block sums down the
        // columns) up to one taller than the raster, whose rows outside it are all zeros.
        const int h = 37;
        var (a, b) = CoherenceEstimatorTests.RandomPair(w, h, seed: (ulong)(41 + w), nodataFraction: 0.01);
        AssertMatchesDirect(a, b, w, h, new CoherenceWindow(wx, wy));
    }

    [Theory]
    [InlineData(7, 2, true)]
    [InlineData(17, 2, true)]
    [InlineData(17, 1, true)]
    [InlineData(7, 3, true)]
    [InlineData(17, 255, true)]
    [InlineData(18, 2, false)]
    [InlineData(41, 23, false)]
    public void TheRowKernelServesWindowsOfUpToSeventeenColumns(int wx, int wy, bool served)
    {
        var win = new CoherenceWindow(wx, wy);
        Assert.Equal(served, CoherenceRowKernel.Serves(win));
        if (CoherenceEstimator.KernelPath == "avx512") Assert.Equal(served ? "row" : "tile", CoherenceEstimator.KernelFor(win));
        else Assert.Equal("double prefix", CoherenceEstimator.KernelFor(win));
        if (!served) Assert.Throws<ArgumentOutOfRangeException>(() => new CoherenceRowKernel.Workspace(64, win));
    }

    private static int[] Run(float[] a, float[] b, int w, int h, CoherenceWindow win, CoherenceOptions options)
    {
        var g = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, g, options);
        return g.Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    /// <summary>Both paths within 1e-5 of the direct double estimate (nodata where it is nodata), bit-identical to each other.</summary>
    private static float[] AssertMatchesDirect(float[] a, float[] b, int w, int h, CoherenceWindow win, CoherenceOptions? options = null)
    {
        options ??= CoherenceOptions.Default;
        var expected = DirectCoherence.Estimate(a, b, w, h, win);
        var vector = new float[w * h];
        var scalar = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, vector, options);
        CoherenceEstimator.Estimate(a, b, w, h, win, scalar, options with { ForceScalar = true });
        Assert.Equal(scalar.Select(BitConverter.SingleToInt32Bits), vector.Select(BitConverter.SingleToInt32Bits));
        for (var i = 0; i < vector.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(float.IsNaN(vector[i]), $"pixel ({i % w},{i / w}) window {win} should be nodata, got {vector[i]}");
            else Assert.True(Math.Abs(vector[i] - expected[i]) <= 1e-5, $"pixel ({i % w},{i / w}) window {win}: {vector[i]} vs {expected[i]}");
        }
        return vector;
    }
}
