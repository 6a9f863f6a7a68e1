namespace MineFunctions.Core.Composite;

/// <summary>One pixel-year under the adaptive rule: active or not, and whether the data can tell.</summary>
public readonly record struct PixelYearDecision(bool Active, bool Uncertain);

/// <summary>
/// The adaptive activity rule for one pixel-year (METHOD.md §3.2; the composite's classes follow from its
/// yearly bits, METHOD.md §1.5). The annual mean NDAI of a pixel whose ground decorrelated in a share s of the
/// year's pairs is ≈ b + s·(d − b), b the background and d the NDAI of decorrelated ground
/// (<see cref="YearBackground"/>). A pixel is active in the year when either
/// <list type="number">
/// <item>its mean reaches t = b + s*·(d − b), s* = <see cref="ClassifierSettings.ActiveShare"/> (the point
/// estimate of its share is at least s*, linear in mixing, so the counted area is unbiased), and it was itself
/// disturbed (NDAI above <see cref="DisturbanceLevel"/>) in at least s*/3 of its pairs: a pixel next to a pit
/// whose window takes in a few decorrelated neighbours every pair has a raised mean but is seldom decorrelated
/// itself; or</item>
/// <item>its disturbed pairs alone say its share reached s*: D ≥ s*·p·n, p the probability that a decorrelated
/// pair is counted (<see cref="YearBackground.DetectionProbability"/>). This count does not depend on b, so it
/// holds where the background is off (stable ground that is itself disturbed now and then). Without a detection
/// probability (0: no pair could be counted) the count says nothing and only the mean decides.</item>
/// </list>
/// The decision is uncertain when |mean − t| ≤ z·σ/√n (σ the background's per-pair spread, n the pixel's
/// pairs, z = <see cref="ClassifierSettings.ActiveZ"/>): a one-sided test at z cannot tell the pixel's
/// share from s*, either way; fewer pairs widen the band. Neighbouring decisions are then smoothed
/// (<see cref="MajorityFilter"/>, in <see cref="AdaptiveClassifier"/>).
/// </summary>
public static class AdaptiveActivity
{
    /// <summary>The year's NDAI threshold t = b + s*·(d − b).</summary>
    public static double Threshold(YearBackground background, ClassifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(settings);
        return background.Level + settings.ActiveShare * (background.DecorrelatedLevel - background.Level);
    }

    /// <summary>Half-width z·σ/√n of the uncertain band for a pixel with <paramref name="pairs"/> pairs.</summary>
    public static double Margin(YearBackground background, double pairs, ClassifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(settings);
        if (!(pairs >= 1)) throw new ArgumentOutOfRangeException(nameof(pairs), pairs, "A pixel with an annual mean has at least one pair.");
        return settings.ActiveZ * background.PairSpread / Math.Sqrt(pairs);
    }

    /// <summary>The decision for one pixel-year with a mean over <paramref name="pairs"/> pairs, <paramref name="disturbed"/> of them disturbing it.</summary>
    public static PixelYearDecision Decide(float annualMean, double pairs, double disturbed, YearBackground background, ClassifierSettings settings)
    {
        if (float.IsNaN(annualMean)) throw new ArgumentException("A pixel without an annual mean has no decision.", nameof(annualMean));
        if (!(disturbed >= 0 && disturbed <= pairs)) throw new ArgumentOutOfRangeException(nameof(disturbed), disturbed, $"Disturbed pairs must be 0-{pairs}.");
        var threshold = Threshold(background, settings);
        var margin = Margin(background, pairs, settings);
        var active = (annualMean >= threshold && disturbed >= settings.ActiveShare / 3 * pairs)
            || (background.DetectionProbability > 0 && disturbed >= settings.ActiveShare * background.DetectionProbability * pairs);
        return new PixelYearDecision(active, Math.Abs(annualMean - threshold) <= margin);
    }
}
