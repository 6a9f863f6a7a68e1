using CsCheck;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Simulation;
using MineFunctions.Core.Tests.Coherence;

namespace MineFunctions.Core.Tests;

/// <summary>Properties over random inputs (CsCheck): ranges, nodata handling and thread independence.</summary>
public sealed class PropertyTests
{
    private sealed record Case(int W, int H, int Wx, int Wy, ulong Seed, double NodataFraction, bool Zeros);

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 30], Gen.Int[1, 9], Gen.Int[1, 5], Gen.ULong, Gen.Double[0, 0.1], Gen.Bool,
            (w, h, wx, wy, seed, nodata, zeros) => new Case(w, h, wx, wy, seed, nodata, zeros));

    [Fact]
    public void Coherence_IsAlwaysWithin0And1_OrNodataExactlyWhereTheWindowTouchesNodata() =>
        Cases.Sample(c =>
        {
            var (a, b) = Pair(c);
            var g = new float[c.W * c.H];
            CoherenceEstimator.Estimate(a, b, c.W, c.H, new CoherenceWindow(c.Wx, c.Wy), g, new CoherenceOptions { BlockRows = 4 });
            var expected = CoherenceReference.Estimate(a, b, c.W, c.H, new CoherenceWindow(c.Wx, c.Wy));
            for (var i = 0; i < g.Length; i++)
            {
                if (double.IsNaN(expected[i])) Assert.True(float.IsNaN(g[i]));
                else Assert.InRange(g[i], 0f, 1f);
            }
        }, iter: 200);

    [Fact]
    public void Ndai_IsWithinMinusOneExclusiveAndOneInclusive_ForValidCoherenceAndStableMean() =>
        Gen.Select(Gen.Float[0f, 1f].Array[1, 50], Gen.Double[1e-6, 1.0]).Sample((coherence, stableMean) =>
        {
            var ndai = new float[coherence.Length];
            NdaiCalculator.Compute(coherence, stableMean, ndai);
            Assert.All(ndai, v => Assert.True(v > -1f && v <= 1f, $"NDAI {v}"));
        }, iter: 500);

    [Fact]
    public void Nodata_NeverReachesAClassCount_NorTheAnnualMean() =>
        Gen.Select(Gen.Int[1, 300], Gen.ULong).Sample((n, seed) =>
        {
            var rnd = new DeterministicRandom(seed);
            float Next() => rnd.NextDouble() < 0.2 ? float.NaN : (float)(rnd.NextDouble() * 1.2 - 0.2);
            var years = Enumerable.Range(0, 3).Select(_ =>
            {
                var acc = new AnnualMeanAccumulator(n);
                for (var p = 0; p < 3; p++) acc.Add(Enumerable.Range(0, n).Select(_ => Next()).ToArray());
                var mean = acc.Mean();
                for (var i = 0; i < n; i++) Assert.Equal(acc.Counts[i] == 0, float.IsNaN(mean[i]));
                return mean;
            }).ToArray();
            var polygon = Enumerable.Range(0, n).Select(_ => (byte)(rnd.NextDouble() < 0.7 ? 1 : 0)).ToArray();
            byte[] r = new byte[n], g = new byte[n], b = new byte[n], valid = new byte[n], classes = new byte[n];
            CompositeBuilder.Build(years[0], years[1], years[2], CompositeScaling.Default, r, g, b, valid);
            var counts = ColourClassifier.Classify(r, g, b, valid, polygon, ClassifierSettings.Seed, classes);

            var countable = Enumerable.Range(0, n).Count(i => polygon[i] != 0 && years.All(y => !float.IsNaN(y[i])));
            Assert.Equal(countable, counts.Total);
            for (var i = 0; i < n; i++)
                Assert.Equal(polygon[i] == 0 || years.Any(y => float.IsNaN(y[i])), classes[i] == ColourClassifier.Excluded);
        }, iter: 200);

    [Fact]
    public void CoherenceResults_AreIndependentOfThreadsBlocksAndVectorWidth() =>
        Cases.Sample(c =>
        {
            var (a, b) = Pair(c);
            var win = new CoherenceWindow(c.Wx, c.Wy);
            var one = new float[c.W * c.H];
            var three = new float[c.W * c.H];
            var portable = new float[c.W * c.H];
            CoherenceEstimator.Estimate(a, b, c.W, c.H, win, one, new CoherenceOptions { BlockRows = 4, MaxDegreeOfParallelism = 1 });
            CoherenceEstimator.Estimate(a, b, c.W, c.H, win, three, new CoherenceOptions { BlockRows = 4, MaxDegreeOfParallelism = 3 });
            CoherenceEstimator.Estimate(a, b, c.W, c.H, win, portable, new CoherenceOptions { BlockRows = 7, MaxDegreeOfParallelism = 2, PortableVectors = true });
            Assert.Equal(one.Select(BitConverter.SingleToInt32Bits), three.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(one.Select(BitConverter.SingleToInt32Bits), portable.Select(BitConverter.SingleToInt32Bits));
        }, iter: 100);

    private static (float[] A, float[] B) Pair(Case c)
    {
        var (a, b) = CoherenceEstimatorTests.RandomPair(c.W, c.H, c.Seed, c.NodataFraction);
        if (c.Zeros)
        {
            // Exact zeros (zero-filled SLC margins) exercise the zero-denominator rule.
            for (var i = 0; i < a.Length / 2; i += 3) a[i] = a[i ^ 1] = 0;
        }
        return (a, b);
    }
}
