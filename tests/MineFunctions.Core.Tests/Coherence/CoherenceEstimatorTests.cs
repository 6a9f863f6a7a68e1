using System.Numerics;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Simulation;

namespace MineFunctions.Core.Tests.Coherence;

public sealed class CoherenceEstimatorTests
{
    public static TheoryData<int, int> Windows => new() { { 1, 1 }, { 7, 2 }, { 10, 3 }, { 5, 5 }, { 15, 4 } };

    [Theory]
    [InlineData(0.0, 0.239)]
    [InlineData(0.2, 0.296)]
    [InlineData(0.4, 0.437)]
    [InlineData(0.6, 0.614)]
    [InlineData(0.8, 0.803)]
    public void MeanEstimateWith7x2Window_MatchesTouziTableColumnL14(double trueCoherence, double touziL14)
    {
        const int w = 192, h = 192;
        var truth = Enumerable.Repeat((float)trueCoherence, w * h).ToArray();
        var (a, b) = (new float[2 * w * h], new float[2 * w * h]);
        CircularGaussianPair.Fill(new DeterministicRandom(42 + (ulong)(trueCoherence * 10)), truth, a, b);
        var g = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, CoherenceWindow.Default, g, new CoherenceOptions { EdgeMode = CoherenceEdgeMode.NoData });

        var mean = g.Where(v => !float.IsNaN(v)).Average(v => (double)v);
        Assert.InRange(mean, touziL14 - 0.01, touziL14 + 0.01);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Kernel_MatchesTheReferenceWithin1e5_OnRandomInput(int wx, int wy)
    {
        var win = new CoherenceWindow(wx, wy);
        foreach (var (w, h) in new[] { (1, 1), (3, 17), (Vector<double>.Count * 5 + 3, 21), (37, 40), (67, 9) })
        foreach (var nodataFraction in new[] { 0.0, 0.03 })
        {
            var (a, b) = RandomPair(w, h, seed: (ulong)(w * 1000 + h + wx * 7 + wy), nodataFraction);
            var expected = CoherenceReference.Estimate(a, b, w, h, win);
            var actual = new float[w * h];
            CoherenceEstimator.Estimate(a, b, w, h, win, actual, new CoherenceOptions { BlockRows = 8 });
            for (var i = 0; i < actual.Length; i++)
            {
                if (double.IsNaN(expected[i])) Assert.True(float.IsNaN(actual[i]), $"pixel {i} of {w}x{h} should be nodata");
                else Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-5, $"pixel {i} of {w}x{h} window {win}: {actual[i]} vs {expected[i]}");
            }
        }
    }

    [Theory]
    [InlineData(7, 2, 4096 + 37)]
    [InlineData(15, 4, 1001)]
    [InlineData(1, 1, 257)]
    public void WideRasters_MatchTheReference_AndTheVectorWidthsAgreeBitForBit(int wx, int wy, int w)
    {
        const int h = 13;
        var win = new CoherenceWindow(wx, wy);
        var (a, b) = RandomPair(w, h, seed: (ulong)w, nodataFraction: 0.01);
        var expected = CoherenceReference.Estimate(a, b, w, h, win);
        var widest = new float[w * h];
        var portable = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, widest, new CoherenceOptions { BlockRows = 5 });
        CoherenceEstimator.Estimate(a, b, w, h, win, portable, new CoherenceOptions { BlockRows = 5, PortableVectors = true });
        Assert.Equal(Bits(widest), Bits(portable));
        for (var i = 0; i < widest.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(float.IsNaN(widest[i]), $"pixel {i} should be nodata");
            else Assert.True(Math.Abs(widest[i] - expected[i]) <= 1e-5, $"pixel ({i % w},{i / w}) window {win}: {widest[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Vector512AndVectorOfT_GiveBitIdenticalOutput(int wx, int wy)
    {
        // Both instantiations of the one kernel run in every test pass, whatever the machine has.
        var win = new CoherenceWindow(wx, wy);
        const int w = 53, h = 31;
        var (a, b) = RandomPair(w, h, seed: 7, nodataFraction: 0.02);
        var widest = new float[w * h];
        var portable = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, widest);
        CoherenceEstimator.Estimate(a, b, w, h, win, portable, new CoherenceOptions { PortableVectors = true });
        Assert.Equal(Bits(widest), Bits(portable));
    }

    [Fact]
    public void WindowOfZeros_AfterBrightRows_IsExactlyZero_NotARoundingResidue()
    {
        const int w = 20, h = 12;
        var (a, b) = RandomPair(w, h, seed: 3, nodataFraction: 0);
        for (var i = 0; i < a.Length; i++) a[i] *= 1e4f;
        for (var i = 2 * w * 6; i < a.Length; i++) a[i] = 0; // rows 6.. are zero in the reference
        var g = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, new CoherenceWindow(3, 2), g);
        for (var i = w * 7; i < w * h; i++) Assert.Equal(0f, g[i]);
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(15, 4)]
    [InlineData(3, 1)]
    public void WindowOfZeros_BesideBrightColumns_IsExactlyZero_NotARoundingResidue(int wx, int wy)
    {
        // A swath that ends inside the raster: zero-filled columns to the right of bright data, in
        // both images. Every window wholly inside the zeros must be exactly 0, whatever the column.
        const int w = 150, h = 6;
        for (var dataColumns = 1; dataColumns <= 72; dataColumns++)
        {
        var (a, b) = RandomPair(w, h, seed: 17, nodataFraction: 0);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var i = 2 * (y * w + x);
            if (x >= dataColumns) a[i] = a[i + 1] = b[i] = b[i + 1] = 0;
            else
            {
                // Widely spread magnitudes so that the partial sums of the row really round.
                var scale = MathF.Pow(10, (x * 7919 + y * 104729) % 13 / 2f - 3);
                a[i] *= scale; a[i + 1] *= scale; b[i] *= 1 / scale; b[i + 1] *= 3 * scale;
            }
        }
        var win = new CoherenceWindow(wx, wy);
        foreach (var portable in new[] { false, true })
        {
            var g = new float[w * h];
            CoherenceEstimator.Estimate(a, b, w, h, win, g, new CoherenceOptions { PortableVectors = portable });
            for (var y = 0; y < h; y++)
            for (var x = dataColumns + CoherenceWindow.Before(wx); x < w; x++)
                Assert.True(g[y * w + x] == 0f, $"({x},{y}) window {win}, data to column {dataColumns}, Vector<T> {portable}: {g[y * w + x]}");
        }
        }
    }

    [Fact]
    public void IdenticalImages_HaveCoherenceOne_AndAnyNaNSample_MakesItsWholeWindowNodata()
    {
        const int w = 16, h = 8;
        var (a, _) = RandomPair(w, h, seed: 5, nodataFraction: 0);
        var b = (float[])a.Clone();
        b[2 * (4 * w + 8) + 1] = float.NaN; // imaginary part of pixel (8, 4) in the secondary
        var g = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, new CoherenceWindow(7, 2), g);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            // 7x2 window of (x, y) covers columns x-3..x+3 and rows y-1..y.
            var touches = x - 3 <= 8 && 8 <= x + 3 && (y == 4 || y == 5);
            if (touches) Assert.True(float.IsNaN(g[y * w + x]), $"({x},{y}) should be nodata");
            else Assert.Equal(1f, g[y * w + x], 5);
        }
    }

    [Fact]
    public void EdgeModeNoData_BlanksEveryPixelWhoseFullWindowDoesNotFit_TruncateKeepsThem()
    {
        const int w = 30, h = 10;
        var (a, b) = RandomPair(w, h, seed: 11, nodataFraction: 0);
        var win = new CoherenceWindow(10, 3); // before/after: x 5/4, y 1/1
        var blank = new float[w * h];
        var kept = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, win, blank, new CoherenceOptions { EdgeMode = CoherenceEdgeMode.NoData });
        CoherenceEstimator.Estimate(a, b, w, h, win, kept);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var inside = x >= 5 && x <= w - 1 - 4 && y >= 1 && y <= h - 2;
            Assert.Equal(!inside, float.IsNaN(blank[y * w + x]));
            Assert.False(float.IsNaN(kept[y * w + x]));
            if (inside) Assert.Equal(kept[y * w + x], blank[y * w + x]);
        }
    }

    [Fact]
    public void Results_DoNotDependOnTheNumberOfThreads()
    {
        const int w = 70, h = 300;
        var (a, b) = RandomPair(w, h, seed: 13, nodataFraction: 0.01);
        var one = new float[w * h];
        var many = new float[w * h];
        CoherenceEstimator.Estimate(a, b, w, h, CoherenceWindow.Default, one, new CoherenceOptions { MaxDegreeOfParallelism = 1 });
        CoherenceEstimator.Estimate(a, b, w, h, CoherenceWindow.Default, many, new CoherenceOptions { MaxDegreeOfParallelism = 8 });
        Assert.Equal(Bits(one), Bits(many));
    }

    [Fact]
    public void MismatchedLengths_AreRejectedWithAClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => CoherenceEstimator.Estimate(new float[8], new float[6], 2, 2, CoherenceWindow.Default, new float[4]));
        Assert.Contains("Secondary", ex.Message);
    }

    [Theory]
    [InlineData("7x2", 7, 2)]
    [InlineData(" 10X3 ", 10, 3)]
    public void WindowParse_ReadsRangeByAzimuth(string text, int x, int y) => Assert.Equal(new CoherenceWindow(x, y), CoherenceWindow.Parse(text));

    [Theory]
    [InlineData("7")]
    [InlineData("0x2")]
    [InlineData("7x-2")]
    [InlineData("axb")]
    public void WindowParse_RejectsBadText(string text) => Assert.Throws<FormatException>(() => CoherenceWindow.Parse(text));

    internal static (float[] A, float[] B) RandomPair(int w, int h, ulong seed, double nodataFraction)
    {
        var rnd = new DeterministicRandom(seed);
        var truth = new float[w * h];
        for (var i = 0; i < truth.Length; i++) truth[i] = rnd.NextDouble() < nodataFraction ? float.NaN : (float)rnd.NextDouble();
        var amp = new float[w * h];
        for (var i = 0; i < amp.Length; i++) amp[i] = (float)Math.Exp(3 * (rnd.NextDouble() - 0.5)); // ~20 dB of brightness range
        var (a, b) = (new float[2 * w * h], new float[2 * w * h]);
        CircularGaussianPair.Fill(rnd, truth, a, b, amp);
        return (a, b);
    }

    internal static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
