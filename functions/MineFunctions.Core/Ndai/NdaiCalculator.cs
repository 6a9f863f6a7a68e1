using System.Numerics;

namespace MineFunctions.Core.Ndai;

/// <summary>
/// Normalised Difference Activity Index (METHOD.md §1.4; seed Eq. 1, Moon &amp; Lee 2021):
/// NDAI(x) = (ρ̄_stable − ρ(x)) / (ρ̄_stable + ρ(x)). ≈ 0 on stable ground, → 1 on decorrelated ground;
/// in (−1, 1] because ρ̄_stable &gt; 0 and ρ ≥ 0. NaN coherence stays NaN.
/// </summary>
public static class NdaiCalculator
{
    /// <param name="stableMean">ρ̄_stable of an accepted pair (<see cref="Stable.PairDecision.StableMean"/>); must be finite and &gt; 0,
    /// which also guarantees ρ̄ + ρ &gt; 0 for every valid pixel.</param>
    public static void Compute(ReadOnlySpan<float> coherence, double stableMean, Span<float> output, bool forceScalar = false)
    {
        if (!(stableMean > 0) || !double.IsFinite(stableMean))
            throw new ArgumentOutOfRangeException(nameof(stableMean), stableMean, "NDAI needs the stable mean of an accepted pair (> 0); a pair without stable pixels has no NDAI.");
        if (output.Length != coherence.Length) throw new ArgumentException("Output and coherence differ in size.", nameof(output));

        var m = (float)stableMean;
        var i = 0;
        if (!forceScalar && Vector.IsHardwareAccelerated)
        {
            var mv = new Vector<float>(m);
            var n = Vector<float>.Count;
            for (; i <= coherence.Length - n; i += n)
            {
                var r = new Vector<float>(coherence[i..]);
                ((mv - r) / (mv + r)).CopyTo(output[i..]);
            }
        }
        for (; i < coherence.Length; i++)
        {
            var r = coherence[i];
            output[i] = (m - r) / (m + r);
        }
    }
}
