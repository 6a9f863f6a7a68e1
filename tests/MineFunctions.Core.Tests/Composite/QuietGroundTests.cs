using MineFunctions.Core.Composite;

namespace MineFunctions.Core.Tests.Composite;

/// <summary>The quiet ground's own undisturbed level (METHOD.md §3.2) on hand-built pixels; expectations by hand.</summary>
public sealed class QuietGroundTests
{
    // b = 0.05, d = 0.6, p = 0.9; s* = 0.22 → quiet when D/(n·p) ≤ 0.11.
    private static readonly YearBackground Background = new(0.05, 0.1, 0.6, 1000, 0.9);

    // A: never disturbed, mean 0 → u = 0. B: 2 of 30 → f = 2/27 = 0.074074, u = (0.06 − 0.6 f)/(1 − f) = 0.0168.
    // C: mean −0.02, never disturbed → −0.02. D: 10 of 30 → f = 0.37, not quiet. E: outside. F: no mean.
    private static readonly float[] Mean = [0f, 0.06f, -0.02f, 0.3f, -0.5f, float.NaN];
    private static readonly float[] Pairs = [30, 30, 30, 30, 30, 30];
    private static readonly float[] Disturbed = [0, 2, 0, 10, 0, 0];
    private static readonly byte[] Polygon = [1, 1, 1, 1, 0, 1];

    [Fact]
    public void TheLevel_IsTheMedianUndisturbedNdaiOfTheQuietPixelsInside()
    {
        Assert.Equal(0.0, QuietGround.Level(Mean, Pairs, Disturbed, Polygon, Background, ClassifierSettings.Default)!.Value, 6);
        byte[] withoutC = [1, 1, 0, 1, 0, 1]; // A and B: (0 + 0.0168)/2
        Assert.Equal(0.0084, QuietGround.Level(Mean, Pairs, Disturbed, withoutC, Background, ClassifierSettings.Default)!.Value, 6);
    }

    [Fact]
    public void ALevelBelowTheStableBackground_LowersIt_ButNeverRaisesIt()
    {
        Assert.Equal(0.0, QuietGround.Apply(Background, 0.0).Level, 12);
        Assert.Equal(0.05, QuietGround.Apply(Background, 0.08).Level, 12);
        Assert.Equal(0.05, QuietGround.Apply(Background, null).Level, 12);
        Assert.Equal(0.6, QuietGround.Apply(Background, 0.0).DecorrelatedLevel, 12);
    }

    [Fact]
    public void AMineWorkedEverywhere_HasNoQuietGround()
    {
        float[] busy = [10, 10, 10, 10, 10, 10];
        Assert.Null(QuietGround.Level(Mean, Pairs, busy, Polygon, Background, ClassifierSettings.Default));
    }
}
