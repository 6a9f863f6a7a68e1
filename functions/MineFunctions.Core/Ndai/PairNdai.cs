using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Ndai;

/// <summary>One pair's screening decision and, when accepted, its NDAI raster (null when rejected).</summary>
public sealed record PairNdaiResult(PairDecision Decision, float[]? Ndai);

/// <summary>
/// One pair through screening (METHOD.md §1.3) and NDAI (§1.4): the stage the workflow's NDAI activity
/// and `mine ndai` both run per pair.
/// </summary>
public static class PairNdai
{
    public static PairNdaiResult Run(ReadOnlySpan<float> coherence, StableMask stable, StableThresholds thresholds)
    {
        var decision = PairScreening.Evaluate(coherence, stable, thresholds);
        if (!decision.Accepted) return new PairNdaiResult(decision, null);
        var ndai = new float[coherence.Length];
        NdaiCalculator.Compute(coherence, decision.StableMean, ndai);
        return new PairNdaiResult(decision, ndai);
    }
}
