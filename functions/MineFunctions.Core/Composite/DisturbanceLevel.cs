namespace MineFunctions.Core.Composite;

/// <summary>
/// When one pair counts as disturbing a pixel itself (METHOD.md §3): its NDAI reaches
/// <see cref="DecorrelatedFraction"/> of that of fully decorrelated ground. A pixel next to a decorrelated
/// pit whose estimation window takes in a few decorrelated neighbours reads ≈ 0.45 of it (3 of 7 columns);
/// a pixel whose own ground decorrelated reads ≈ 1. The decorrelated NDAI follows from the asset's own data:
/// the coherence of its stable pixels and the looks of its coherence estimate.
/// </summary>
public static class DisturbanceLevel
{
    /// <summary>Share of the decorrelated NDAI a pair must reach (0.7: chosen on the science grid between 0.5 and 0.8, METHOD.md §3).</summary>
    public const double DecorrelatedFraction = 0.7;

    /// <summary>Per-pair NDAI above which a pixel counts as disturbed in that pair: <see cref="DecorrelatedFraction"/> × <see cref="DecorrelatedNdai"/>.</summary>
    public static double Of(double stableCoherence, int looks) => DecorrelatedFraction * DecorrelatedNdai(stableCoherence, looks);

    /// <summary>
    /// The level of an asset's stack from its stable mask and time-mean coherence (<see cref="StableCoherence"/>,
    /// then <see cref="Of"/>); null when no stable pixel has data.
    /// </summary>
    public static double? OfStack(ReadOnlySpan<byte> stableMask, ReadOnlySpan<float> timeMean, int looks) =>
        StableCoherence(stableMask, timeMean) is { } coherence ? Of(coherence, looks) : null;

    /// <summary>
    /// NDAI of ground with true coherence 0: (ρ_s − ρ₀)/(ρ_s + ρ₀) where ρ₀ is the mean sample coherence
    /// of L looks at true coherence 0, Γ(L)Γ(3/2)/Γ(L + 1/2) (the mean of the density
    /// 2(L − 1)ρ(1 − ρ²)^(L − 2), Touzi et al. 1999), e.g. 0.2386 for 14 looks.
    /// </summary>
    public static double DecorrelatedNdai(double stableCoherence, int looks)
    {
        if (!(stableCoherence is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(stableCoherence), stableCoherence, "The stable coherence must be in (0, 1].");
        var rho0 = ZeroCoherenceBias(looks);
        if (!(stableCoherence > rho0))
            throw new ArgumentOutOfRangeException(nameof(stableCoherence), stableCoherence, $"The stable coherence is not above the coherence floor of {looks} looks ({rho0:0.###}): disturbance cannot be told apart.");
        return (stableCoherence - rho0) / (stableCoherence + rho0);
    }

    /// <summary>
    /// Probability that a pair in which a pixel's ground fully decorrelated counts as disturbing it: the
    /// sample coherence of L looks at true coherence 0 has the distribution P(ρ̂ ≤ r) = 1 − (1 − r²)^(L − 1)
    /// (the integral of the density 2(L − 1)ρ(1 − ρ²)^(L − 2), Touzi et al. 1999), and the pair's NDAI
    /// passes the level ℓ = <see cref="Of"/> when ρ̂ &lt; r_c = ρ_s(1 − ℓ)/(1 + ℓ). E.g. 0.864 for 14 looks
    /// at ρ_s = 0.886 (ℓ = 0.403, r_c = 0.378), 0.72 for 5 looks at ρ_s = 0.9: the share of a pixel's pairs that are
    /// counted disturbed is its decorrelated share times this (METHOD.md §3.2).
    /// </summary>
    public static double DetectionProbability(double stableCoherence, int looks)
    {
        var level = Of(stableCoherence, looks);
        var critical = stableCoherence * (1 - level) / (1 + level);
        return 1 - Math.Pow(1 - critical * critical, looks - 1);
    }

    /// <summary>E[ρ̂ | ρ = 0] for L looks: Γ(L)Γ(3/2)/Γ(L + 1/2), by the recurrence r(1) = 1, r(L + 1) = r(L) · L/(L + 1/2).</summary>
    public static double ZeroCoherenceBias(int looks)
    {
        if (looks is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(looks), looks, "Looks must be 1-100000.");
        var r = 1.0;
        for (var l = 1; l < looks; l++) r *= l / (l + 0.5);
        return r;
    }

    /// <summary>Median of the stable pixels' time-mean coherence (the typical ρ_s); null without a stable pixel with data.</summary>
    public static double? StableCoherence(ReadOnlySpan<byte> stableMask, ReadOnlySpan<float> timeMean)
    {
        if (stableMask.Length != timeMean.Length) throw new ArgumentException("Stable mask and time mean differ in size.");
        var values = new List<float>();
        for (var i = 0; i < stableMask.Length; i++) if (stableMask[i] != 0 && float.IsFinite(timeMean[i])) values.Add(timeMean[i]);
        if (values.Count == 0) return null;
        values.Sort();
        var k = values.Count / 2;
        return values.Count % 2 == 1 ? values[k] : 0.5 * (values[k - 1] + (double)values[k]);
    }
}
