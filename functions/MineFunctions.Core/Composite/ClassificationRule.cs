namespace MineFunctions.Core.Composite;

/// <summary>The colour-class rules of METHOD.md §1.5 and METHOD.md §3; the one used is always reported.</summary>
public enum ClassificationRule
{
    /// <summary>
    /// Default: per year, a pixel is active when its annual mean NDAI says it decorrelated in at least a
    /// share of its pairs, measured against the year's own stable background and the decorrelated level of
    /// the asset's looks, and it was itself disturbed in some of them; its pair count sets how sure the
    /// decision is (<see cref="AdaptiveActivity"/>, METHOD.md §3). The class is the three yearly bits.
    /// </summary>
    Adaptive,

    /// <summary>The seed's method on the composite: value, saturation, then 60° hue sectors.</summary>
    Hsv,

    /// <summary>Seed Table 1 read literally: each channel High if ≥ threshold; class from the three bits.</summary>
    ChannelThreshold,
}
