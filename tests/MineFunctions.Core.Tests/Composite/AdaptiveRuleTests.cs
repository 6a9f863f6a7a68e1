using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Composite;

/// <summary>
/// The adaptive rule on hand-built NDAI stacks (METHOD.md §3). Expected values are computed by hand
/// (or with Python's math.lgamma where a Gamma function appears), never taken from the code.
/// </summary>
public sealed class AdaptiveRuleTests
{
    // Background b = 0, decorrelated d = 0.6, per-pair spread σ = 0.1, detection probability p = 0.9; default
    // share s* = 0.22: threshold t = 0 + 0.22 × 0.6 = 0.132; the count alone decides from s*·p·n = 5.94 of 30 pairs.
    private static readonly YearBackground Background = new(0.0, 0.1, 0.6, 1000, 0.9);
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
        // 30 pairs, 5 of them disturbing the pixel (≥ s*/3 × 30 = 2.2, < 5.94): only the mean decides, on either
        // side of t = 0.132 by 1e-4 (annual means are floats: 0.132f itself is 0.13199999928 < 0.132).
        var at = AdaptiveActivity.Decide(0.1321f, 30, 5, Background, Settings);
        var below = AdaptiveActivity.Decide(0.1319f, 30, 5, Background, Settings);
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
    public void DisturbedPairsAlone_MakeAPixelActive_WhateverItsMean()
    {
        // Mean 0.05 < t: with 5 of 30 disturbed pairs (< 5.94) inactive, with 6 (≥ 5.94) active: a share of
        // 6/(30 × 0.9) = 0.222 ≥ s* counted from its own decorrelations, where the background may be off.
        Assert.False(AdaptiveActivity.Decide(0.05f, 30, 5, Background, Settings).Active);
        Assert.True(AdaptiveActivity.Decide(0.05f, 30, 6, Background, Settings).Active);
        // Far from t, so the data are sure of the mean; the count decided.
        Assert.Equal(new PixelYearDecision(true, false), AdaptiveActivity.Decide(-0.05f, 30, 6, Background, Settings));
        // A background whose detection probability is 0 counts nothing: 0 ≥ 0 must not make every pixel active.
        Assert.False(AdaptiveActivity.Decide(0.05f, 30, 0, Background with { DetectionProbability = 0 }, Settings).Active);
    }

    [Theory]
    [InlineData(0.95, 14, 0.8819957337913169)] // ℓ = 0.418608, r_c = 0.95 × 0.581392/1.418608 = 0.389341, 1 − (1 − r_c²)^13
    [InlineData(0.886, 14, 0.8642762345877878)]
    [InlineData(0.9, 5, 0.7222147375275729)]   // 5 looks: ℓ = 0.264520, r_c = 0.523465, 1 − (1 − r_c²)^4
    public void DetectionProbability_IsTheChanceThatADecorrelatedPairPassesTheLevel(double stable, int looks, double expected) =>
        Assert.Equal(expected, DisturbanceLevel.DetectionProbability(stable, looks), 10);

    [Fact]
    public void AYearWith3Pairs_IsUncertainWhereOneWith30IsNot()
    {
        // mean t + 0.05 = 0.182; margin z·σ/√n = 1.645 × 0.1/√3 = 0.0950 (3 pairs) and 1.645 × 0.1/√30 = 0.0300 (30).
        Assert.Equal(0.09497411928169344, AdaptiveActivity.Margin(Background, 3, Settings), 12);
        Assert.Equal(0.03003345356986661, AdaptiveActivity.Margin(Background, 30, Settings), 12);
        var three = AdaptiveActivity.Decide(0.182f, 3, 1, Background, Settings);
        var thirty = AdaptiveActivity.Decide(0.182f, 30, 5, Background, Settings);
        Assert.Equal(new PixelYearDecision(true, true), three);
        Assert.Equal(new PixelYearDecision(true, false), thirty);
        // Below the threshold by as much, without disturbed pairs enough to decide alone (0 of 3 < 0.594, 5 of 30
        // < 5.94): inactive, and again only the 3-pair year is unsure of it.
        Assert.Equal(new PixelYearDecision(false, true), AdaptiveActivity.Decide(0.082f, 3, 0, Background, Settings));
        Assert.Equal(new PixelYearDecision(false, false), AdaptiveActivity.Decide(0.082f, 30, 5, Background, Settings));
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
        Assert.Equal(0.8819957337913169, background.DetectionProbability, 10);
    }

    [Fact]
    public void TheClasses_AreTheBitsOfTheYearlyDecisions_AndUncertainPixelsAreCountedPerYear()
    {
        // Pixels: active in year 1 only (red), years 1+3 (magenta), never (black), outside, no pairs in year 2.
        // Each is a 3 × 3 block with a column outside the polygon after it, so the 3 × 3 majority box of a
        // 1 × 1 window sees only its own block: the filter keeps every decision.
        float[] hi = [0.4f, 0.4f, 0f, 0.4f, 0.4f], lo = [0f, 0f, 0f, 0f, 0f];
        float[] y3 = [0f, 0.4f, 0.14f, 0f, 0f];
        float[] pairs = [30, 30, 30, 30, 30], noPairsInYear2 = [30, 30, 30, 30, 0];
        // Disturbed pairs where a year is active (pixel 2 in year 3: 5, enough for the mean's condition, too few alone).
        float[] disturbed1 = [20, 20, 0, 20, 20], disturbed2 = [0, 0, 0, 0, 0], disturbed3 = [0, 20, 5, 0, 0];
        byte[] polygon = [1, 1, 1, 0, 1];
        var inputs = new AdaptiveInputs([Blocks(pairs), Blocks(noPairsInYear2), Blocks(pairs)], [Blocks(disturbed1), Blocks(disturbed2), Blocks(disturbed3)],
            [Background, Background, Background], BlockWidth, new CoherenceWindow(1, 1));
        var classes = new byte[Blocks(hi).Length];

        var result = AdaptiveClassifier.Classify([Blocks(hi), Blocks(lo), Blocks(y3)], inputs, Blocks(polygon), Settings, classes);

        // Pixel 2 in year 3: 0.14 ≥ 0.132 → active (blue), and within 0.030 of the threshold → uncertain.
        byte[] expected = [(byte)ColourClass.Red, (byte)ColourClass.Magenta, (byte)ColourClass.Blue, ColourClassifier.Excluded, ColourClassifier.Excluded];
        Assert.Equal(Blocks(expected, ColourClassifier.Excluded), classes);
        Assert.Equal(27, result.Counts.Total);
        Assert.Equal([0L, 0L, 9L], result.UncertainPixels);
    }

    [Fact]
    public void AnIsolatedDecision_TakesItsNeighbours()
    {
        // 9 × 5 pixels, 7 × 2 window → 7 × 3 box. All active (mean 0.4, 20 of 30 disturbed) but the centre
        // (mean 0, none disturbed): 20 of its 21 box neighbours are active, so it is too. Year 2 all inactive,
        // but one pixel: it goes. The raw test still counts what it was sure of: nothing is near t.
        const int width = 9, n = 45;
        float[] active = Fill(n, 0.4f), quiet = Fill(n, 0f), pairs = Fill(n, 30), disturbed = Fill(n, 20), none = Fill(n, 0);
        active[22] = 0f;
        var disturbedYear1 = (float[])disturbed.Clone();
        disturbedYear1[22] = 0;
        var lone = (float[])quiet.Clone();
        lone[22] = 0.4f;
        var loneDisturbed = (float[])none.Clone();
        loneDisturbed[22] = 20;
        var inputs = new AdaptiveInputs([pairs, pairs, pairs], [disturbedYear1, loneDisturbed, none], [Background, Background, Background], width, CoherenceWindow.Default);
        var classes = new byte[n];

        var result = AdaptiveClassifier.Classify([active, lone, quiet], inputs, [], Settings, classes);

        Assert.All(classes, c => Assert.Equal((byte)ColourClass.Red, c));
        Assert.Equal(n, result.Counts[ColourClass.Red]);
        Assert.Equal([0L, 0L, 0L], result.UncertainPixels);
    }

    private const int BlockWidth = 5 * 4;

    /// <summary>Each value as a 3 × 3 block followed by one column of <paramref name="gap"/>: 5 values → 20 × 3 pixels.</summary>
    private static T[] Blocks<T>(T[] values, T gap = default!)
    {
        var result = new T[BlockWidth * 3];
        for (var row = 0; row < 3; row++)
        for (var col = 0; col < BlockWidth; col++)
            result[row * BlockWidth + col] = col % 4 == 3 ? gap : values[col / 4];
        return result;
    }

    private static float[] Fill(int n, float value) => Enumerable.Repeat(value, n).ToArray();

    [Fact]
    public void WindowClassification_WithTheAdaptiveRule_NeedsItsInputs()
    {
        float[] y = [0.1f];
        Assert.Throws<ArgumentException>(() => WindowClassification.Run(y, y, y, [], CompositeScaling.Default, Settings));
        Assert.Throws<ArgumentException>(() => ColourClassifier.ClassifyPixel(0, 0, 0, Settings));
    }
}
