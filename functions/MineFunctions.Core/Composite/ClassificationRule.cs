namespace MineFunctions.Core.Composite;

/// <summary>The two colour-class rules of METHOD.md §1.5; the one used is always reported.</summary>
public enum ClassificationRule
{
    /// <summary>Default, the seed's method: value, saturation, then 60° hue sectors.</summary>
    Hsv,

    /// <summary>Seed Table 1 read literally: each channel High if ≥ threshold; class from the three bits.</summary>
    ChannelThreshold,
}
