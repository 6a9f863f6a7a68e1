using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Tests.Stable;

public sealed class StablePointTests
{
    [Fact]
    public void PixelStatistics_StreamedPairByPair_GiveTimeMeanAndPopulationStd_SkippingNodataPerPixel()
    {
        var stats = new PixelStatistics(2);
        stats.Add([0.9f, 0.5f]);
        stats.Add([0.7f, float.NaN]);
        stats.Add([0.8f, 0.7f]);

        Assert.Equal(3, stats.PairsAdded);
        Assert.Equal([3, 2], stats.Counts.ToArray());
        Assert.Equal(0.8, stats.Mean(0), 6);
        Assert.Equal(Math.Sqrt(0.02 / 3), stats.StandardDeviation(0), 6);
        Assert.Equal(0.6, stats.Mean(1), 6);
        Assert.Equal(0.1, stats.StandardDeviation(1), 6);
    }

    [Fact]
    public void StableMask_KeepsPixelsWithHighMeanLowStdAndEnoughPairs_OptionallyWithinAnArea()
    {
        var stats = new PixelStatistics(5);
        // pixel 0 stable; 1 mean too low; 2 std too high; 3 only 2 valid pairs; 4 stable but outside the area.
        stats.Add([0.90f, 0.70f, 1.00f, 0.9f, 0.9f]);
        stats.Add([0.85f, 0.75f, 0.40f, 0.9f, 0.9f]);
        stats.Add([0.95f, 0.72f, 1.00f, float.NaN, 0.9f]);

        var mask = StableMask.FromStatistics(stats, StableThresholds.Default);
        Assert.Equal([true, false, false, false, true], mask.Pixels.ToArray());
        Assert.Equal(2, mask.Count);

        var within = StableMask.FromStatistics(stats, StableThresholds.Default, [1, 1, 1, 1, 0]);
        Assert.Equal([true, false, false, false, false], within.Pixels.ToArray());
        Assert.Equal("statistics within area", within.Source);
    }

    [Fact]
    public void PairScreening_AcceptsACoherentPair_AndReportsItsStableMeanAndStd()
    {
        var mask = StableMask.FromArea([1, 1, 0, 1]);
        var decision = PairScreening.Evaluate([0.9f, 0.8f, 0.1f, float.NaN], mask, StableThresholds.Default);

        Assert.True(decision.Accepted, decision.Reason);
        Assert.Equal(0.85, decision.StableMean, 6);
        Assert.Equal(0.05, decision.StableStd, 6);
        Assert.Equal(2, decision.StablePixelCount);
        Assert.Equal(3, decision.ValidPixelCount);
    }

    [Theory]
    [InlineData(0.5f, 0.6f, "stable mean")]   // mean 0.575
    [InlineData(1.0f, 0.5f, "stable std")]    // mean 0.875, std 0.217
    public void PairScreening_RejectsLowMeanOrHighSpread_SayingWhy(float high, float low, string reason)
    {
        var decision = PairScreening.Evaluate([high, high, high, low], StableMask.FromArea([1, 1, 1, 1]), StableThresholds.Default);
        Assert.False(decision.Accepted);
        Assert.Contains(reason, decision.Reason);
    }

    [Fact]
    public void PairScreening_WithZeroStablePixels_RejectsWithAReason_AndNoDivisionByZero()
    {
        var decision = PairScreening.Evaluate([0.9f, float.NaN], StableMask.FromArea([0, 1]), StableThresholds.Default);

        Assert.False(decision.Accepted);
        Assert.Contains("no stable pixel", decision.Reason);
        Assert.Equal(0, decision.StablePixelCount);
        Assert.True(double.IsNaN(decision.StableMean));
        Assert.True(double.IsNaN(decision.StableStd));
    }
}
