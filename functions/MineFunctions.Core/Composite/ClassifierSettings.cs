namespace MineFunctions.Core.Composite;

/// <summary>
/// Settings of the colour classification (METHOD.md §1.5, METHOD.md §3). The HSV and per-channel
/// thresholds are on a 0–1 scale of the 0–255 channels; defaults 0.5 are the seed's (with the default
/// <see cref="CompositeScaling"/> a year is then active when its NDAI exceeds 0.3). The adaptive rule's
/// settings are a share of decorrelated pairs and a one-sided z.
/// </summary>
public sealed record ClassifierSettings
{
    public static ClassifierSettings Default { get; } = new();

    /// <summary>Climate TRACE's own procedure: the HSV rule with the seed's thresholds (T_v = S_min = 0.5).</summary>
    public static ClassifierSettings Seed { get; } = new() { Rule = ClassificationRule.Hsv };

    public ClassificationRule Rule { get; init; } = ClassificationRule.Adaptive;

    /// <summary>HSV rule: black when V = max/255 &lt; this (T_v).</summary>
    public double ValueThreshold { get; init; } = 0.5;

    /// <summary>HSV rule: white when S = (max − min)/max &lt; this (S_min).</summary>
    public double SaturationMin { get; init; } = 0.5;

    /// <summary>Per-channel rule: a channel is High when value/255 ≥ this (T).</summary>
    public double ChannelThreshold { get; init; } = 0.5;

    /// <summary>
    /// Adaptive rule: the least share of a year's pairs in which a pixel must have decorrelated to be
    /// active (between a mine's background disturbance, up to ~15 %, and weak working, from ~30 %;
    /// 0.22 chosen on the science grid, METHOD.md §3).
    /// </summary>
    public double ActiveShare { get; init; } = 0.22;

    /// <summary>Adaptive rule: one-sided z of the pair-count test (1.645 = 95 %); also the half-width of the uncertain band.</summary>
    public double ActiveZ { get; init; } = 1.645;

    public void Validate()
    {
        if (!(ValueThreshold is >= 0 and <= 1) || !(SaturationMin is >= 0 and <= 1) || !(ChannelThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "Thresholds are on a 0-1 scale.");
        if (!(ActiveShare is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "ActiveShare is a share of pairs in (0, 1).");
        if (!(ActiveZ is >= 0 and <= 10)) throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "ActiveZ must be in [0, 10].");
        if (!Enum.IsDefined(Rule)) throw new ArgumentOutOfRangeException(nameof(ClassifierSettings), this, "Unknown classification rule.");
    }
}
