namespace MineFunctions.Core.Stable;

/// <summary>
/// Thresholds of METHOD.md §1.3. Pixel step (Moon &amp; Lee): a pixel is stable when its time mean
/// coherence ≥ <see cref="PixelMeanMin"/> and time std ≤ <see cref="PixelStdMax"/> over at least
/// <see cref="MinimumPairs"/> pairs. Pair step (the seed's wording): a pair is rejected when the
/// spatial mean over stable pixels is &lt; <see cref="PairMeanMin"/> or their spatial std &gt; <see cref="PairStdMax"/>.
/// </summary>
public sealed record StableThresholds
{
    public static StableThresholds Default { get; } = new();

    public double PixelMeanMin { get; init; } = 0.8;
    public double PixelStdMax { get; init; } = 0.2;

    /// <summary>A pixel seen in fewer pairs has no trustworthy time statistics and is never stable.</summary>
    public int MinimumPairs { get; init; } = 3;

    public double PairMeanMin { get; init; } = 0.8;
    public double PairStdMax { get; init; } = 0.2;

    /// <summary>A pair whose stable pixels with data are fewer than this is rejected (zero is always rejected).</summary>
    public long MinimumStablePixels { get; init; } = 1;

    public void Validate()
    {
        if (!(PixelMeanMin is >= 0 and <= 1) || !(PairMeanMin is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(StableThresholds), this, "Mean thresholds must be in [0, 1].");
        if (!(PixelStdMax >= 0) || !(PairStdMax >= 0))
            throw new ArgumentOutOfRangeException(nameof(StableThresholds), this, "Std thresholds must be non-negative.");
        if (MinimumPairs < 1 || MinimumStablePixels < 1)
            throw new ArgumentOutOfRangeException(nameof(StableThresholds), this, "MinimumPairs and MinimumStablePixels must be at least 1.");
    }
}
