using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The vector operations <see cref="CoherenceKernel{TVec, TSimd, TBefore, TAfter}"/> is written over, for a vector of
/// floats of any width: the kernel is written once and compiled for <see cref="Vector512{T}"/> where
/// the machine accelerates it (<see cref="Simd512"/>), else for <see cref="Vector{T}"/>, whose width
/// the runtime picks (256 bits with AVX2, 128 on Arm64; <see cref="SimdVector"/>). Masks are vectors
/// with all bits set in the selected lanes. (The runtime's own ISimdVector is not public in .NET 10.)
/// </summary>
internal unsafe interface ISimdFloats<TVec> where TVec : struct
{
    static abstract int Count { get; }
    static abstract TVec Zero { get; }
    static abstract TVec Load(float* p);
    static abstract void Store(TVec v, float* p);

    /// <summary>A hint: bring the cache line at p into the L1 cache (x86; a no-op elsewhere).</summary>
    static abstract void Prefetch(float* p);
    static abstract TVec Add(TVec a, TVec b);
    static abstract TVec Multiply(TVec a, TVec b);
    static abstract TVec Divide(TVec a, TVec b);

    /// <summary>a × b + c, rounded once.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>a × b − c, rounded once.</summary>
    static abstract TVec MultiplySubtract(TVec a, TVec b, TVec c);
    static abstract TVec Sqrt(TVec a);

    /// <summary>Count complex samples (re, im interleaved) at p: a sample is one 64-bit lane, narrowed to its low and high half.</summary>
    static abstract void Deinterleave(float* p, out TVec re, out TVec im);

    /// <summary>min(q, 1), NaN staying NaN; 0 where the mask <paramref name="zero"/> is set.</summary>
    static abstract TVec RatioToGamma(TVec q, TVec zero);

    /// <summary>Lane-wise min and max as the hardware does them (NaN handling unspecified).</summary>
    static abstract TVec Min(TVec a, TVec b);
    static abstract TVec Max(TVec a, TVec b);
    static abstract TVec EqualsZero(TVec a);
    static abstract TVec GreaterThan(TVec a, float bound);

    /// <summary>As unsigned integers, bits(a) − 1 &lt; bound: 0 &lt; a &lt; the float whose bits are bound + 1 (0 wraps round, NaN is above).</summary>
    static abstract TVec BelowPositive(TVec a, uint bound);
    static abstract TVec Or(TVec a, TVec b);
    static abstract bool Any(TVec mask);

    /// <summary>Whether <see cref="ShiftConcat"/> exists here (else the kernel reads the windows' columns from memory).</summary>
    static abstract bool CanShift { get; }

    /// <summary>
    /// Lanes s … of lo followed by the first s lanes of hi (0 ≤ s ≤ Count): the two-register lane
    /// shift the .NET vector APIs lack, by the hardware's permutes: by an immediate (s must be a constant
    /// once inlined) or by <paramref name="index"/>, from <see cref="ShiftIndex"/>.
    /// </summary>
    static abstract TVec ShiftConcat(TVec lo, TVec hi, int s, TVec index);

    /// <summary>The index for shift s where the permute takes one: row s of <paramref name="table"/>, in lane i the integer i + s, sign bit set where i + s ≥ Count.</summary>
    static abstract TVec ShiftIndex(int s, float* table);
}

internal readonly unsafe struct Simd512 : ISimdFloats<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;
    public static Vector512<float> Zero => Vector512<float>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* p) => Vector512.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> v, float* p) => v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Prefetch(float* p) => Sse.Prefetch0(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> MultiplySubtract(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, -c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Sqrt(Vector512<float> a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Deinterleave(float* p, out Vector512<float> re, out Vector512<float> im)
    {
        // The evens and the odds of the two vectors, each by one two-register permute (vpermt2ps).
        var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        Vector512<float> lo = Vector512.Load(p), hi = Vector512.Load(p + Count);
        re = Avx512F.PermuteVar16x32x2(lo, even, hi);
        im = Avx512F.PermuteVar16x32x2(lo, even + Vector512<int>.One, hi);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> RatioToGamma(Vector512<float> q, Vector512<float> zero) =>
        Vector512.AndNot(Vector512.ConditionalSelect(Vector512.GreaterThan(q, Vector512<float>.One), Vector512<float>.One, q), zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> EqualsZero(Vector512<float> a) => Vector512.Equals(a, Vector512<float>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> GreaterThan(Vector512<float> a, float bound) => Vector512.GreaterThan(a, Vector512.Create(bound));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> BelowPositive(Vector512<float> a, uint bound) => Vector512.LessThan(a.AsUInt32() - Vector512<uint>.One, Vector512.Create(bound)).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Or(Vector512<float> a, Vector512<float> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector512<float> mask) => mask.AsUInt32() != Vector512<uint>.Zero;
    public static bool CanShift => true;

    /// <summary>One valignd with the shift as its immediate (s is a constant once inlined, and the JIT folds the switch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ShiftConcat(Vector512<float> lo, Vector512<float> hi, int s, Vector512<float> index) => s switch
    {
        0 => lo, 1 => Align(lo, hi, 1), 2 => Align(lo, hi, 2), 3 => Align(lo, hi, 3), 4 => Align(lo, hi, 4), 5 => Align(lo, hi, 5),
        6 => Align(lo, hi, 6), 7 => Align(lo, hi, 7), 8 => Align(lo, hi, 8), 9 => Align(lo, hi, 9), 10 => Align(lo, hi, 10),
        11 => Align(lo, hi, 11), 12 => Align(lo, hi, 12), 13 => Align(lo, hi, 13), 14 => Align(lo, hi, 14), 15 => Align(lo, hi, 15),
        _ => hi,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> ShiftIndex(int s, float* table) => default; // an immediate
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<float> Align(Vector512<float> lo, Vector512<float> hi, [ConstantExpected(Min = 1, Max = 15)] byte s) =>
        Avx512F.AlignRight32(hi.AsUInt32(), lo.AsUInt32(), s).AsSingle();
}

internal readonly unsafe struct SimdVector : ISimdFloats<Vector<float>>
{
    public static int Count => Vector<float>.Count;
    public static Vector<float> Zero => Vector<float>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Load(float* p) => Vector.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector<float> v, float* p) => v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Prefetch(float* p) { if (Sse.IsSupported) Sse.Prefetch0(p); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Add(Vector<float> a, Vector<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Multiply(Vector<float> a, Vector<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Divide(Vector<float> a, Vector<float> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c) => Vector.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> MultiplySubtract(Vector<float> a, Vector<float> b, Vector<float> c) => Vector.FusedMultiplyAdd(a, b, -c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Sqrt(Vector<float> a) => Vector.SquareRoot(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Deinterleave(float* p, out Vector<float> re, out Vector<float> im)
    {
        if (Avx256)
        {
            // Evens and odds within each 128-bit half (vshufps), then the 64-bit quarters in order (vpermpd).
            Vector256<float> a = Vector256.Load(p), b = Vector256.Load(p + 8);
            re = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle().AsVector();
            im = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle().AsVector();
            return;
        }
        Vector<ulong> lo = Vector.Load((ulong*)p), hi = Vector.Load((ulong*)(p + Count));
        re = Vector.AsVectorSingle(Vector.Narrow(lo, hi));
        im = Vector.AsVectorSingle(Vector.Narrow(lo >>> 32, hi >>> 32));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> RatioToGamma(Vector<float> q, Vector<float> zero) =>
        Vector.AndNot(Vector.ConditionalSelect(Vector.GreaterThan(q, Vector<float>.One), Vector<float>.One, q), zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Min(Vector<float> a, Vector<float> b) => Vector.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Max(Vector<float> a, Vector<float> b) => Vector.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> EqualsZero(Vector<float> a) => Vector.AsVectorSingle(Vector.Equals(a, Vector<float>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> GreaterThan(Vector<float> a, float bound) => Vector.AsVectorSingle(Vector.GreaterThan(a, new Vector<float>(bound)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> BelowPositive(Vector<float> a, uint bound) => Vector.AsVectorSingle(Vector.LessThan(Vector.AsVectorUInt32(a) - Vector<uint>.One, new Vector<uint>(bound)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Or(Vector<float> a, Vector<float> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector<float> mask) => Vector.AsVectorUInt32(mask) != Vector<uint>.Zero;

    /// <summary>With AVX2 and 256-bit vectors; elsewhere the kernel reads the windows' columns from memory.</summary>
    public static bool CanShift => Avx256;

    private static bool Avx256 => Avx2.IsSupported && Count == 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> ShiftIndex(int s, float* table) => Load(table + s * Count);

    /// <summary>Both vectors permuted by the index's low three bits (vpermps), then blended by its sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> ShiftConcat(Vector<float> lo, Vector<float> hi, int s, Vector<float> index)
    {
        Vector256<float> l = lo.AsVector256(), h = hi.AsVector256(), i = index.AsVector256();
        return Avx.BlendVariable(Avx2.PermuteVar8x32(l, i.AsInt32()), Avx2.PermuteVar8x32(h, i.AsInt32()), i).AsVector();
    }
}
