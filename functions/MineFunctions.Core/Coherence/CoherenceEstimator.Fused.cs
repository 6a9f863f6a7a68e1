using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

public static partial class CoherenceEstimator
{
    private static bool HasFusedAvx2 => Avx2.IsSupported && Vector<double>.Count == 4;

    /// <summary>
    /// The widest code path the estimator takes on this machine (its vector paths without
    /// <see cref="CoherenceOptions.ForceScalar"/>): "avx512" (the float kernels), "avx2",
    /// "vector" (Vector&lt;double&gt; without AVX2) or "scalar" (the double prefix kernel's paths).
    /// Benchmarks report it; the narrower-ISA test runs check it.
    /// </summary>
    public static string KernelPath =>
        CoherenceRowPrefix.ScanWidth == 8 ? "avx512"
        : HasFusedAvx2 ? "avx2"
        : Vector.IsHardwareAccelerated ? "vector"
        : "scalar";

    /// <summary>
    /// The kernel that estimates <paramref name="window"/> on this machine: "row"
    /// (<see cref="CoherenceRowKernel"/>, AVX-512, windows of up to 17 columns), "tile"
    /// (<see cref="CoherenceTileKernel"/>, AVX-512, the other windows) or "double prefix" (machines
    /// without AVX-512). Benchmarks report it next to <see cref="KernelPath"/>.
    /// </summary>
    public static string KernelFor(CoherenceWindow window) =>
        !CoherenceTileKernel.IsSupported ? "double prefix"
        : CoherenceRowKernel.Serves(window) ? "row"
        : "tile";

    /// <summary>
    /// The fused steady-state row pass for this machine: <see cref="FusedRow512"/> where AVX-512 scans,
    /// else <see cref="FusedRow256"/> where AVX2 and 4-lane Vector&lt;double&gt; are available; false
    /// when there is none or the row holds nodata (the caller then runs the separate passes).
    /// </summary>
    private static unsafe bool FusedRow(
        float* ra, float* rb, int n, double* hp, double* prev, double* next, double* low, float* row, Strip s, PowerSoFar power, out int done)
    {
        if (CoherenceRowPrefix.ScanWidth == 8) return FusedRow512(ra, rb, n, hp, prev, next, low, row, s, power, out done);
        if (HasFusedAvx2) return FusedRow256(ra, rb, n, hp, prev, next, low, row, s, power, out done);
        done = s.InteriorStart;
        return false;
    }

    /// <summary>
    /// AVX-512 steady state in one loop: the optimistic (unmasked) row prefix of
    /// <see cref="CoherenceRowPrefix"/>, group by group, and, a little behind it, the fused
    /// accumulate-and-emit of <see cref="AccumulateInteriorAndEmit"/> on the columns whose prefix is
    /// ready. The prefix scan is bound by the shuffle unit and the accumulation by loads and
    /// arithmetic, so interleaving them lets the two overlap instead of running one after the other.
    /// The operations per value are those of the two separate passes, so the output bits are the same.
    /// Returns false when the row holds nodata (its |s|² prefix ends non-finite, or the sequential tail
    /// met one): the caller then redoes the row with the masked prefix. Otherwise <paramref name="done"/>
    /// is the first interior column not yet emitted.
    /// </summary>
    private static unsafe bool FusedRow512(
        float* ra, float* rb, int n, double* hp, double* prev, double* next, double* low, float* row, Strip s, PowerSoFar power, out int done)
    {
        var o = StartRowPrefix(hp, s);
        double* pHi = hp + s.Offset + s.Ax + 1, pLo = hp + s.Offset - s.Bx;
        var k = new ChannelOffsets(s.PrefixStride, s.RingStride);
        var floors = new Floors512(power);
        int i = s.InteriorStart, end = s.InteriorEnd;
        // A chunk of 16 output columns at i reads the prefix up to index i + Offset + Ax + 16; it runs
        // once that index is one whole group behind the last one written, so its loads do not wait
        // on stores still in flight.
        var reach = s.Offset + s.Ax + 16 + 8;

        var carries = default(CoherenceRowPrefix.Carries512);
        var groups = n / 8;
        for (var g = 0; g < groups; g++)
        {
            carries = CoherenceRowPrefix.ScanGroup512(ra, rb, g, carries, o.C0, o.C1, o.C2, o.C3);

            var written = 8 * (g + 1);
            if (i + reach <= written && i + 16 <= end)
            {
                var lo8 = Emit8(prev + i, next + i, low + i, pHi + i, pLo + i, k, floors);
                var hi8 = Emit8(prev + i + 8, next + i + 8, low + i + 8, pHi + i + 8, pLo + i + 8, k, floors);
                Vector512.Store(Vector512.Sqrt(Vector512.Narrow(lo8, hi8)), row + i);
                i += 16;
            }
        }
        done = i;
        return FinishRowPrefix(ra, rb, n, hp, s, groups * 8);
    }

    /// <summary>
    /// <see cref="FusedRow512"/> for AVX2 machines (no AVX-512): two 4-sample groups of the
    /// unmasked AVX2 row prefix per step and, behind them, 8 columns of the fused accumulate-and-emit
    /// with Vector&lt;double&gt; (4 lanes). Same operations per value as <see cref="CoherenceRowPrefix"/>'s
    /// AVX2 groups and <see cref="AccumulateInteriorAndEmit"/>'s Vector&lt;T&gt; loop, so the same bits;
    /// same contract as <see cref="FusedRow512"/>.
    /// </summary>
    private static unsafe bool FusedRow256(
        float* ra, float* rb, int n, double* hp, double* prev, double* next, double* low, float* row, Strip s, PowerSoFar power, out int done)
    {
        var o = StartRowPrefix(hp, s);
        double* pHi = hp + s.Offset + s.Ax + 1, pLo = hp + s.Offset - s.Bx;
        var k = new ChannelOffsets(s.PrefixStride, s.RingStride);
        var floors = new FloorsVector(power);
        int i = s.InteriorStart, end = s.InteriorEnd;
        // 8 output columns at i read the prefix up to index i + Offset + Ax + 8; wait until that is
        // a step (two groups) behind the last one written, as in FusedRow512.
        var reach = s.Offset + s.Ax + 8 + 8;

        var carries = default(CoherenceRowPrefix.Carries256);
        var groups = n / 4;
        var g = 0;
        for (; g + 1 < groups; g += 2)
        {
            carries = CoherenceRowPrefix.ScanGroup256(ra, rb, g, carries, o.C0, o.C1, o.C2, o.C3);
            carries = CoherenceRowPrefix.ScanGroup256(ra, rb, g + 1, carries, o.C0, o.C1, o.C2, o.C3);
            if (i + reach <= 4 * (g + 2) && i + 8 <= end)
            {
                var lo4 = EmitVector(prev + i, next + i, low + i, pHi + i, pLo + i, k, floors);
                var hi4 = EmitVector(prev + i + 4, next + i + 4, low + i + 4, pHi + i + 4, pLo + i + 4, k, floors);
                Vector.Store(Vector.SquareRoot(Vector.Narrow(lo4, hi4)), row + i);
                i += 8;
            }
        }
        if (g < groups) CoherenceRowPrefix.ScanGroup256(ra, rb, g, carries, o.C0, o.C1, o.C2, o.C3);
        done = i;
        return FinishRowPrefix(ra, rb, n, hp, s, groups * 4);
    }

    /// <summary>
    /// Channel rows of the row prefix in hp, each past its leading 0 (set here): where the fused
    /// passes' unmasked scans write.
    /// </summary>
    private static unsafe PrefixRows StartRowPrefix(double* hp, Strip s)
    {
        int stride = s.PrefixStride;
        hp[0] = hp[stride] = hp[2 * stride] = hp[3 * stride] = 0;
        return new PrefixRows(hp + 1, hp + stride + 1, hp + 2 * stride + 1, hp + 3 * stride + 1);
    }

    private readonly unsafe struct PrefixRows(double* c0, double* c1, double* c2, double* c3)
    {
        public readonly double* C0 = c0, C1 = c1, C2 = c2, C3 = c3;
    }

    /// <summary>
    /// Completes a fused pass's row prefix after its whole groups (the first <paramref name="scanned"/>
    /// samples) with the sequential tail; true when the row held no nodata (nodata turns the
    /// unmasked |s|² prefixes non-finite, and the tail tests its samples).
    /// </summary>
    private static unsafe bool FinishRowPrefix(float* ra, float* rb, int n, double* hp, Strip s, int scanned)
    {
        var tailNodata = CoherenceRowPrefix.Tail(ra, rb, n, hp, s.PrefixStride);
        return !tailNodata && double.IsFinite(hp[2 * s.PrefixStride + scanned]) && double.IsFinite(hp[3 * s.PrefixStride + scanned]);
    }

    /// <summary>Element offsets of channels 1–3 in the row prefix (C) and in a ring slot (R).</summary>
    private readonly struct ChannelOffsets(int prefixStride, int ringStride)
    {
        public readonly nint C1 = prefixStride, C2 = 2 * (nint)prefixStride, C3 = 3 * (nint)prefixStride;
        public readonly nint R1 = ringStride, R2 = 2 * (nint)ringStride, R3 = 3 * (nint)ringStride;
    }

    /// <summary>The rounding level and the earlier rows' powers, broadcast once per row.</summary>
    private readonly struct Floors512(PowerSoFar power)
    {
        public readonly Vector512<double> Level = Vector512.Create(RoundingLevel), A = Vector512.Create(power.A), B = Vector512.Create(power.B);
    }

    /// <summary>
    /// <see cref="AccumulateInteriorAndEmit"/> for 8 columns, pointers already at the column: next =
    /// prev + (hi − lo) per channel, stored; returns γ̂² of next − low. Same operations in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<double> Emit8(double* prev, double* next, double* low, double* hi, double* lo, in ChannelOffsets k, in Floors512 f)
    {
        var re = Accumulate8(prev, next, low, hi, lo);
        var im = Accumulate8(prev + k.R1, next + k.R1, low + k.R1, hi + k.C1, lo + k.C1);
        var pa = Accumulate8(prev + k.R2, next + k.R2, low + k.R2, hi + k.C2, lo + k.C2);
        var pb = Accumulate8(prev + k.R3, next + k.R3, low + k.R3, hi + k.C3, lo + k.C3);
        return SquaredRatio(re, im, pa, pb, f.Level * (f.A + Vector512.Load(hi + k.C2)), f.Level * (f.B + Vector512.Load(hi + k.C3)));
    }

    /// <summary>The rounding level and the earlier rows' powers as Vector&lt;double&gt;.</summary>
    private readonly struct FloorsVector(PowerSoFar power)
    {
        public readonly Vector<double> Level = new(RoundingLevel), A = new(power.A), B = new(power.B);
    }

    /// <summary><see cref="Emit8"/> with Vector&lt;double&gt; (any width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector<double> EmitVector(double* prev, double* next, double* low, double* hi, double* lo, in ChannelOffsets k, in FloorsVector f)
    {
        var re = AccumulateVector(prev, next, low, hi, lo);
        var im = AccumulateVector(prev + k.R1, next + k.R1, low + k.R1, hi + k.C1, lo + k.C1);
        var pa = AccumulateVector(prev + k.R2, next + k.R2, low + k.R2, hi + k.C2, lo + k.C2);
        var pb = AccumulateVector(prev + k.R3, next + k.R3, low + k.R3, hi + k.C3, lo + k.C3);
        return SquaredRatio(re, im, pa, pb, f.Level * (f.A + Vector.Load(hi + k.C2)), f.Level * (f.B + Vector.Load(hi + k.C3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector<double> AccumulateVector(double* prev, double* next, double* low, double* hi, double* lo)
    {
        var v = Vector.Load(prev) + (Vector.Load(hi) - Vector.Load(lo));
        Vector.Store(v, next);
        return v - Vector.Load(low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<double> Accumulate8(double* prev, double* next, double* low, double* hi, double* lo)
    {
        var v = Vector512.Load(prev) + (Vector512.Load(hi) - Vector512.Load(lo));
        v.Store(next);
        return v - Vector512.Load(low);
    }
}
