using MineFunctions.Core.Activity;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Tests.Stages;

/// <summary>
/// The stage functions the activities and the stage commands share, on rasters small enough to work
/// out by hand (METHOD.md §1.3–1.5, §3).
/// </summary>
public sealed class StageTests
{
    [Fact]
    public void StableStage_GivesTheMaskAndTheRasters()
    {
        var stats = new PixelStatistics(3);
        // Pixel 0: 0.9 ×3 → mean 0.9, std 0, stable. Pixel 1: 0.9, 0.5, 0.7 → mean 0.7 < 0.8. Pixel 2: no data.
        stats.Add([0.9f, 0.9f, float.NaN]);
        stats.Add([0.9f, 0.5f, float.NaN]);
        stats.Add([0.9f, 0.7f, float.NaN]);

        var products = StableStage.Finish(stats, StableThresholds.Default);

        Assert.Equal([1, 0, 0], products.MaskBytes);
        Assert.Equal(1, products.Mask.Count);
        Assert.Equal(2, products.ValidPixels);
        Assert.Equal(0.9f, products.Mean[0], 6);
        Assert.Equal(0.7f, products.Mean[1], 6);
        Assert.True(float.IsNaN(products.Mean[2]));
        Assert.Equal(0f, products.Std[0], 6);
        Assert.Equal((float)Math.Sqrt(0.08 / 3), products.Std[1], 6);
    }

    [Fact]
    public void StableStage_WithinAnArea_KeepsOnlyItsPixels()
    {
        var stats = new PixelStatistics(2);
        for (var i = 0; i < 3; i++) stats.Add([0.9f, 0.9f]);
        var products = StableStage.Finish(stats, StableThresholds.Default, [0, 1]);
        Assert.Equal([0, 1], products.MaskBytes);
        Assert.Equal("statistics within area", products.Mask.Source);
    }

    [Fact]
    public void PairNdai_OfAnAcceptedPair_GivesNdaiAgainstTheStableMean()
    {
        var mask = StableMask.FromArea([1, 1, 0]);
        // Stable mean (0.9 + 0.8)/2 = 0.85, std 0.05 → accepted; NDAI of 0.35 = 0.5/1.2.
        var (decision, ndai) = PairNdai.Run([0.9f, 0.8f, 0.35f], mask, StableThresholds.Default);
        Assert.True(decision.Accepted);
        Assert.Equal(0.85, decision.StableMean, 6);
        Assert.Equal(-0.05f / 1.75f, ndai![0], 6);
        Assert.Equal(0.05f / 1.65f, ndai[1], 6);
        Assert.Equal(0.5f / 1.2f, ndai[2], 6);
    }

    [Fact]
    public void PairNdai_OfARejectedPair_GivesNoNdai()
    {
        var (decision, ndai) = PairNdai.Run([0.5f, 0.6f, 0.9f], StableMask.FromArea([1, 1, 0]), StableThresholds.Default);
        Assert.False(decision.Accepted);
        Assert.Null(ndai);
    }

    [Fact]
    public void AnnualMeanProducts_GiveMeanCountsDisturbedAndTheSpatialMean()
    {
        var accumulator = new AnnualMeanAccumulator(3, disturbanceLevel: 0.4);
        accumulator.Add([0.1f, 0.9f, float.NaN]);
        accumulator.Add([0.3f, 0.5f, float.NaN]);

        var products = AnnualMeanProducts.Of(accumulator);

        Assert.Equal(0.2f, products.Mean[0], 6);
        Assert.Equal(0.7f, products.Mean[1], 6);
        Assert.True(float.IsNaN(products.Mean[2]));
        Assert.Equal([2f, 2f, 0f], products.PairCounts);
        Assert.Equal([0f, 2f, 0f], products.DisturbedCounts);
        Assert.Equal(2, products.Pairs);
        Assert.Equal(2, products.ValidPixels);
        Assert.Equal(0.45, products.SpatialMean!.Value, 6);
    }

    [Fact]
    public void SpatialMean_OfNoValidPixel_IsNull() =>
        Assert.Equal((0L, (double?)null), AnnualMeanProducts.SpatialMeanOf([float.NaN, float.NaN]));

    [Fact]
    public void MeanPixelArea_WeighsEachRowByItsPixelsInside()
    {
        // Rows of 100, 200 and 400 m² pixels; inside: 2 of row 0, 0 of row 1, 1 of row 2 → (2·100 + 400)/3 = 200.
        byte[] polygon = [1, 1, 0, 0, 0, 0, 0, 0, 1];
        Assert.Equal(200, MeanPixelArea.Inside([100, 200, 400], 3, polygon), 9);
    }

    [Fact]
    public void MeanPixelArea_WithNothingInside_IsTheMeanOfTheRows() =>
        Assert.Equal(700 / 3.0, MeanPixelArea.Inside([100, 200, 400], 2, new byte[6]), 9);

    [Fact]
    public void MeanPixelArea_RejectsAPolygonOfAnotherSize() =>
        Assert.Throws<ArgumentException>(() => MeanPixelArea.Inside([100, 200], 2, new byte[3]));

    [Fact]
    public void DisturbanceLevel_OfAStackWithoutStablePixel_IsNull() =>
        Assert.Null(DisturbanceLevel.OfStack([0, 0], [0.9f, 0.9f], 14));

    [Fact]
    public void DisturbanceLevel_OfAStack_Is0Point7OfTheDecorrelatedNdai()
    {
        // ρ_s = median(0.8, 0.9, 1.0) = 0.9; one look: ρ₀ = Γ(1)Γ(3/2)/Γ(3/2) = 1 would exceed it, so use 4 looks:
        // ρ₀ = 1 · 1/1.5 · 2/2.5 · 3/3.5 = 0.457143; level = 0.7 · (0.9 − ρ₀)/(0.9 + ρ₀) = 0.7 · 0.442857/1.357143.
        var level = DisturbanceLevel.OfStack([1, 1, 1, 0], [0.8f, 0.9f, 1.0f, 0.1f], 4);
        Assert.Equal(0.7 * 0.442857142857 / 1.357142857143, level!.Value, 5);
    }

    [Fact]
    public void AdaptiveInputs_WithoutStablePixel_AreNull()
    {
        float[][] three = [[0f], [0f], [0f]];
        Assert.Null(AdaptiveInputs.FromStack(three, three, three, [0], [0.9f], MineFunctions.Core.Coherence.CoherenceWindow.Default, 1));
    }

    [Fact]
    public void WindowYearArea_TakesTheLatestWindowContainingTheYear()
    {
        // Window 2020: W 5, R 10 → 2022 (its year 3) = B + C + M + W = 5. Window 2021: G 7, W 1 → 2022 (its year 2) = G + Y + C + W = 8.
        var early = new WindowCounts(2020, ClassCounts.FromArray([0, 10, 0, 0, 0, 0, 0, 5]), 25);
        var late = new WindowCounts(2021, ClassCounts.FromArray([0, 0, 7, 0, 0, 0, 0, 1]), 25, [1, 6, 3]);

        Assert.Equal(new WindowYearArea(2022, 8, 25, 200, 6, 75), WindowYearArea.Of(2022, [early, late]));
        Assert.Equal(new WindowYearArea(2020, 15, 25, 375, null, null), WindowYearArea.Of(2020, [early, late]));
        Assert.Equal(new WindowYearArea(2019, null, null, null, null, null), WindowYearArea.Of(2019, [early, late]));
    }
}
