namespace MineFunctions.Core.Composite;

/// <summary>
/// Settings of <see cref="ColourClassifier"/> (METHOD.md §1.5), thresholds on a 0–1 scale of the
/// 0–255 channels. Defaults 0.5: with the default <see cref="CompositeScaling"/> a year is active when
/// its NDAI exceeds 0.3; a colour is white (active all years) when its channels are within 2:1.
/// </summary>
public sealed record ClassifierSettings
{
    public static ClassifierSettings Default { get; } = new();

    public ClassificationRule Rule { get; init; } = ClassificationRule.Hsv;

    /// <summary>HSV rule: black when V = max/255 &lt; this (T_v).</summary>
    public double ValueThreshold { get; init; } = 0.5;

    /// <summary>HSV rule: white when S = (max − min)/max &lt; this (S_min).</summary>
    public double SaturationMin { get; init; } = 0.5;

    /// <summary>Per-channel rule: a channel is High when value/255 ≥ this (T).</summary>
    public double ChannelThreshold { get; init; } = 0.5;

    public void Validate()
    {
        if (!(ValueThreshold is >= 0 and <= 1) || !(SaturationMin is >= 0 and <= 1) || !(ChannelThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "Thresholds are on a 0-1 scale.");
        if (!Enum.IsDefined(Rule)) throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "Unknown classification rule.");
    }
}
