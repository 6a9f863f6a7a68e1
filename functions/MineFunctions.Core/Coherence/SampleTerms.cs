using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The per-sample terms of the coherence sums (METHOD.md §1.2): Re and Im of s1·conj(s2), |s1|², |s2|²,
/// one rounding each (fused multiply-add); NaN where a sample is NaN. The vector form takes 16
/// interleaved complex samples, the scalar form one; they give the same bits.
/// </summary>
internal static unsafe class SampleTerms
{
    /// <summary>Lane indices of the real parts of 16 interleaved complex samples held in two vectors.</summary>
    public static Vector512<int> EvenLanes => Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);

    /// <summary>Terms of the 16 samples at ra and rb; <paramref name="odd"/> = <paramref name="even"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load16(float* ra, float* rb, Vector512<int> even, Vector512<int> odd,
        out Vector512<float> re, out Vector512<float> im, out Vector512<float> pa, out Vector512<float> pb)
    {
        Vector512<float> a0 = Vector512.Load(ra), a1 = Vector512.Load(ra + 16), b0 = Vector512.Load(rb), b1 = Vector512.Load(rb + 16);
        var ar = Avx512F.PermuteVar16x32x2(a0, even, a1);
        var ai = Avx512F.PermuteVar16x32x2(a0, odd, a1);
        var br = Avx512F.PermuteVar16x32x2(b0, even, b1);
        var bi = Avx512F.PermuteVar16x32x2(b0, odd, b1);
        re = Avx512F.FusedMultiplyAdd(ar, br, ai * bi);
        im = Avx512F.FusedMultiplySubtract(ai, br, ar * bi);
        pa = Avx512F.FusedMultiplyAdd(ar, ar, ai * ai);
        pb = Avx512F.FusedMultiplyAdd(br, br, bi * bi);
    }

    /// <summary>Scalar twin of <see cref="Load16"/>: the terms of sample i (interleaved index 2i) into terms[0..3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scalar(float* a, float* b, long i, float* terms)
    {
        float ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * i], bi = b[2 * i + 1];
        terms[0] = MathF.FusedMultiplyAdd(ar, br, ai * bi);
        terms[1] = MathF.FusedMultiplyAdd(ai, br, -(ar * bi));
        terms[2] = MathF.FusedMultiplyAdd(ar, ar, ai * ai);
        terms[3] = MathF.FusedMultiplyAdd(br, br, bi * bi);
    }
}
