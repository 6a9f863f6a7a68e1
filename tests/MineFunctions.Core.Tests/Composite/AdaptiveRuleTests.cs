using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Composite;

/// <summary>
/// The adaptive rule on hand-built NDAI stacks (METHOD.md §3). Expected values are computed by hand
/// (or with Python's math.lgamma where a Gamma function appears), never taken from the code.
/// </summary>
public sealed class AdaptiveRuleTests
{
    // Background b = 0, decorrelated d = 0.6, per-pair spread σ = 0.1; default share s* = 0.22:
    // threshold t = 0 + 0.22 × 0.6 = 0.132.
    private static readonly YearBackground Background = new(0.0, 0.1, 0.6, 1000);
    private static readonly ClassifierSettings Settings = ClassifierSettings.Default;

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.6666666666666662)]   // Γ(2)Γ(1.5)/Γ(2.5) = 1/1.5
    [InlineData(5, 0.40634920634920585)]  // exp(lgamma(5) + lgamma(1.5) − lgamma(5.5))
    [InlineData(14, 0.23897789372550252)] // the ≈ 0.24 a 7 × 2 window reads on decorrelated ground
    public void ZeroCoherenceBias_IsTheMeanSampleCoherenceAtTrueCoherenceZero(int looks, double expected) =>
        Assert.Equal(expected, DisturbanceLevel.ZeroCoherenceBias(looks), 12);

    [Fact]
    public void DecorrelatedNdai_AndTheDisturbanceLevel_FollowFromStableCoherenceAndLooks()
    {
        // (0.95 − 0.238978)/(0.95 + 0.238978) = 0.598011; the level is 0.7 of it.
        Assert.Equal(0.5980112078001764, DisturbanceLevel.DecorrelatedNdai(0.95, 14), 10);
        Assert.Equal(0.4186078454601234, DisturbanceLevel.Of(0.95, 14), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => DisturbanceLevel.DecorrelatedNdai(0.2, 14)); // below the floor
    }

    [Fact]
    public void Threshold_IsTheActiveShareOfTheWayFromBackgroundToDecorrelated()
    {
        Assert.Equal(0.132, AdaptiveActivity.Threshold(Background, Settings), 12);
        Assert.Equal(0.05 + 0.22 * 0.55, AdaptiveActivity.Threshold(Background with { Level = 0.05 }, Settings), 12);
    }

    [Fact]
    public void APixelAtTheBoundary_IsActiveFromTheThresholdOn_AndUncertain()
    {
        // 30 pairs, 10 of them disturbing the pixel: only the mean decides, on either side of t = 0.132
        // by 1e-4 (annual means are floats: 0.132f itself is 0.13199999928 < 0.132).
        var at = AdaptiveActivity.Decide(0.1321f, 30, 10, Background, Settings);
        var below = AdaptiveActivity.Decide(0.1319f, 30, 10, Background, Settings);
        Assert.True(at.Active);
        Assert.False(below.Active);
        Assert.True(at.Uncertain);
        Assert.True(below.Uncertain);
    }

    [Fact]
    public void AHighMean_WithoutDisturbedPairsOfItsOwn_IsNotActive()
    {
        // s*/3 × 30 = 2.2 pairs: 2 disturbed pairs are too few (a neighbour's spill-over), 3 are enough.
        Assert.False(AdaptiveActivity.Decide(0.3f, 30, 2, Background, Settings).Active);
        Assert.True(AdaptiveActivity.Decide(0.3f, 30, 3, Background, Settings).Active);
    }

    [Fact]
    public void AYearWith3Pairs_IsUncertainWhereOneWith30IsNot()
    {
        // mean t + 0.05 = 0.182; margin z·σ/√n = 1.645 × 0.1/√3 = 0.0950 (3 pairs) and 1.645 × 0.1/√30 = 0.0300 (30).
        Assert.Equal(0.09497411928169344, AdaptiveActivity.Margin(Background, 3, Settings), 12);
        Assert.Equal(0.03003345356986661, AdaptiveActivity.Margin(Background, 30, Settings), 12);
        var three = AdaptiveActivity.Decide(0.182f, 3, 1, Background, Settings);
        var thirty = AdaptiveActivity.Decide(0.182f, 30, 7, Background, Settings);
        Assert.Equal(new PixelYearDecision(true, true), three);
        Assert.Equal(new PixelYearDecision(true, false), thirty);
        // Below the threshold by as much: inactive, and again only the 3-pair year is unsure of it.
        Assert.Equal(new PixelYearDecision(false, true), AdaptiveActivity.Decide(0.082f, 3, 1, Background, Settings));
        Assert.Equal(new PixelYearDecision(false, false), AdaptiveActivity.Decide(0.082f, 30, 7, Background, Settings));
    }

    [Fact]
    public void YearBackground_IsTheMedianOfTheStablePixels_AndItsMadScaledPerPair()
    {
        // Stable pixels' means 0, 0.01, −0.01, 0.02, 0.1 (25 pairs each): median 0.01; |deviations| 0.01, 0,
        // 0.02, 0.01, 0.09 → MAD 0.01 → per-pair spread 1.4826 × 0.01 × √25 = 0.07413. The last pixel is not stable.
        float[] mean = [0f, 0.01f, -0.01f, 0.02f, 0.1f, 0.5f];
        float[] pairs = [25, 25, 25, 25, 25, 25];
        byte[] stable = [1, 1, 1, 1, 1, 0];
        var background = YearBackground.Estimate(mean, pairs, stable, 0.95, 14);
        Assert.Equal(0.01, background.Level, 6);
        Assert.Equal(0.07413, background.PairSpread, 6);
        Assert.Equal(0.5980112078001764, background.DecorrelatedLevel, 10);
        Assert.Equal(5, background.StablePixels);
    }

    [Fact]
    public void TheClasses_AreTheBitsOfTheYearlyDecisions_AndUncertainPixelsAreCountedPerYear()
    {
        // Pixels: active in year 1 only (red), years 1+3 (magenta), never (black), outside, no pairs in year 2.
        float[] hi = [0.4f, 0.4f, 0f, 0.4f, 0.4f], lo = [0f, 0f, 0f, 0f, 0f];
        float[] y1 = hi, y2 = lo, y3 = [0f, 0.4f, 0.14f, 0f, 0f];
        float[] pairs = [30, 30, 30, 30, 30], noPairsInYear2 = [30, 30, 30, 30, 0];
        float[] disturbedHi = [20, 20, 20, 20, 20];
        var inputs = new AdaptiveInputs([pairs, noPairsInYear2, pairs], [disturbedHi, disturbedHi, disturbedHi], [Background, Background, Background]);
        byte[] polygon = [1, 1, 1, 0, 1];
        var classes = new byte[5];

        var result = AdaptiveClassifier.Classify([y1, y2, y3], inputs, polygon, Settings, classes);

        // Pixel 2 in year 3: 0.14 ≥ 0.132 → active (blue), and within 0.030 of the threshold → uncertain.
        Assert.Equal([(byte)ColourClass.Red, (byte)ColourClass.Magenta, (byte)ColourClass.Blue, ColourClassifier.Excluded, ColourClassifier.Excluded], classes);
        Assert.Equal(3, result.Counts.Total);
        Assert.Equal([0L, 0L, 1L], result.UncertainPixels);
    }

    [Fact]
    public void WindowClassification_WithTheAdaptiveRule_NeedsItsInputs()
    {
        float[] y = [0.1f];
        Assert.Throws<ArgumentException>(() => WindowClassification.Run(y, y, y, [], CompositeScaling.Default, Settings));
        Assert.Throws<ArgumentException>(() => ColourClassifier.ClassifyPixel(0, 0, 0, Settings));
    }
}
