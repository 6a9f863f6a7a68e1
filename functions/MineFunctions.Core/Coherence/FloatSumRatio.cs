using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// γ̂ from the four float window sums of the AVX-512 kernels (<see cref="CoherenceRowKernel"/>,
/// <see cref="CoherenceTileKernel"/> and their scalar twins), and the range guard that decides
/// whether float was accurate enough. The vector and scalar forms do the same operations in the same order (x86
/// min/max semantics spelt out in the scalar form), so both paths give the same bits.
/// </summary>
/// <remarks>
/// Sums of products in float without subtraction have error ≤ (path length) × 2⁻²⁴ relative to the
/// sum of magnitudes; both kernels reach a window sum through fewer than X + Y additions, which
/// bounds the error of γ̂ by ~(X + Y) × 6e-8 (Cauchy–Schwarz), provided no product or sum left
/// float's normal range. The guard checks that on the window powers: each must be 0 or within
/// [2⁻⁴⁰, 2⁶⁰] (then Σ|s1|²·Σ|s2|² and |Σ s1·s2*|² are normal floats). A window outside it
/// (samples with |s| above ~1e9 or below ~1e-6, or ±Inf) sends its band to the double kernel.
/// </remarks>
internal static class FloatSumRatio
{
    private const float Tiny = 9.094947e-13f; // 2^-40
    private const float Huge = 1.1529215e18f; // 2^60
    private const uint TinyBits = 0x2B800000; // bits of 2^-40

    /// <summary>
    /// γ̂ = sqrt(min(1, (re² + im²) / (pa·pb))), 0 where pa·pb = 0, NaN where a sum is NaN (a
    /// nodata sample in the window); ORs into <paramref name="bad"/> the lanes outside the guard.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Gamma(Vector512<float> re, Vector512<float> im, Vector512<float> pa, Vector512<float> pb, ref Vector512<uint> bad)
    {
        var den = pa * pb;
        var q = Avx512F.Min(Vector512<float>.One, (re * re + im * im) / den); // NaN stays NaN: minps returns its second operand
        var gamma = Vector512.Sqrt(Vector512.AndNot(q, Vector512.Equals(den, Vector512<float>.Zero)));
        var lo = Avx512F.Min(pa, pb);
        var hi = Avx512F.Max(pa, pb);
        bad |= Vector512.LessThan(lo.AsUInt32() - Vector512<uint>.One, Vector512.Create(TinyBits - 1))
             | Vector512.GreaterThan(hi, Vector512.Create(Huge)).AsUInt32();
        return gamma;
    }

    /// <summary>Scalar twin of the vector <see cref="Gamma(Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, ref Vector512{uint})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Gamma(float re, float im, float pa, float pb, ref bool bad)
    {
        var den = pa * pb;
        var r = (re * re + im * im) / den;
        var q = 1f < r ? 1f : r;            // minps(1, r)
        var gamma = MathF.Sqrt(den == 0f ? 0f : q);
        var lo = pa < pb ? pa : pb;         // minps(pa, pb)
        var hi = pa > pb ? pa : pb;         // maxps(pa, pb)
        bad |= BitConverter.SingleToUInt32Bits(lo) - 1u < TinyBits - 1u || hi > Huge;
        return gamma;
    }
}
