namespace MineFunctions.Core.Composite;

/// <summary>
/// Annual mean NDAI → 0…255 channel value (METHOD.md §1.5): clamp to [<see cref="Low"/>, <see cref="High"/>],
/// then linear. Defaults [0, 0.6]: stable ground (NDAI ≈ 0) is black, and 0.6 is the NDAI of fully
/// decorrelated ground with a 7 × 2 window (the estimator reads ≈ 0.24 for true coherence 0, so
/// NDAI ≈ 0.58–0.64, METHOD.md §1.2), so ground active all year is full brightness instead of the
/// ~150 a [0, 1] scale would give. With the HSV rule's T_v = 0.5 the activity threshold is then
/// NDAI 0.3: about half of the year's accepted pairs decorrelated.
/// </summary>
public sealed record CompositeScaling
{
    public static CompositeScaling Default { get; } = new();

    public double Low { get; init; }

    public double High { get; init; } = 0.6;

    public void Validate()
    {
        if (!double.IsFinite(Low) || !double.IsFinite(High) || !(High > Low))
            throw new ArgumentOutOfRangeException(nameof(CompositeScaling), this, "Scaling needs finite Low < High.");
    }

    /// <summary>Channel value of one NDAI (must not be NaN: nodata is handled by the caller).</summary>
    public byte ToByte(float ndai)
    {
        var t = (Math.Clamp(ndai, Low, High) - Low) / (High - Low);
        return (byte)Math.Round(t * 255.0, MidpointRounding.AwayFromZero);
    }
}
