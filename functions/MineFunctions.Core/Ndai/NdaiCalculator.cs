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
    /// <param name="forceScalar">Use the scalar loop (tests compare it with the vector loop).</param>
    /// <param name="maxDegreeOfParallelism">Threads over chunks; 1 (default) = the calling thread, -1 = all processors.</param>
    public static unsafe void Compute(ReadOnlySpan<float> coherence, double stableMean, Span<float> output, bool forceScalar = false, int maxDegreeOfParallelism = 1)
    {
        if (!(stableMean > 0) || !double.IsFinite(stableMean))
            throw new ArgumentOutOfRangeException(nameof(stableMean), stableMean, "NDAI needs the stable mean of an accepted pair (> 0); a pair without stable pixels has no NDAI.");
        if (output.Length != coherence.Length) throw new ArgumentException("Output and coherence differ in size.", nameof(output));

        var m = (float)stableMean;
        var vector = !forceScalar && Vector.IsHardwareAccelerated;
        fixed (float* pc = coherence, po = output)
        {
            nint c = (nint)pc, o = (nint)po;
            ParallelChunks.Run(coherence.Length, maxDegreeOfParallelism, (start, end) => Kernel((float*)c, (float*)o, start, end, m, vector));
        }
    }

    private static unsafe void Kernel(float* coherence, float* output, int start, int end, float m, bool vector)
    {
        var i = start;
        if (vector)
        {
            var mv = new Vector<float>(m);
            for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
            {
                var r = Vector.Load(coherence + i);
                Vector.Store((mv - r) / (mv + r), output + i);
            }
        }
        for (; i < end; i++)
        {
            var r = coherence[i];
            output[i] = (m - r) / (m + r);
        }
    }
}
