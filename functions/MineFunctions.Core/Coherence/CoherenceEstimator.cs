using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Sample coherence of two coregistered complex rasters over a boxcar window (METHOD.md §1.2):
/// γ̂ = |Σ s1·conj(s2)| / sqrt(Σ|s1|² · Σ|s2|²), 0 where the denominator is 0, NaN (nodata) where
/// any sample in the window is nodata (NaN or ±Inf in re or im of either raster).
/// </summary>
/// <remarks>
/// Cost per pixel does not depend on the window: each input row (of a 256-column strip, so the
/// working set stays in cache) is turned into horizontal prefix
/// sums (one pass), each window row-sum is a difference of two prefix values, and the rows are
/// accumulated into vertical prefix sums kept in a ring of Y + 1 rows, so a window sum is again one
/// difference. All sums are double: prefix differences of non-negative powers are exactly 0 when the
/// window is all zeros (a running add/subtract sum would leave residues there), and the prefixes
/// restart at every row block so their cancellation error stays ~1e-16 × block energy. The
/// horizontal prefix pass scans four pixels at a time in AVX2 registers; the vertical accumulation
/// and the ratio run on Vector&lt;double&gt;, with a scalar path doing the same operations in the same order,
/// so both paths give bit-identical output.
/// </remarks>
public static class CoherenceEstimator
{
    // Channels of the sums: Re(s1·conj s2), Im(s1·conj s2), |s1|², |s2|², count of nodata samples.
    private const int Channels = 5;

    /// <summary>
    /// Estimates coherence. <paramref name="reference"/> and <paramref name="secondary"/> are interleaved
    /// complex64 (re, im, …) row-major, length 2 × width × height; <paramref name="coherence"/> has width × height.
    /// </summary>
    public static unsafe void Estimate(
        ReadOnlySpan<float> reference,
        ReadOnlySpan<float> secondary,
        int width,
        int height,
        CoherenceWindow window,
        Span<float> coherence,
        CoherenceOptions? options = null)
    {
        options ??= CoherenceOptions.Default;
        window.Validate();
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Raster size {width}x{height} must be positive.");
        var pixels = checked(width * height);
        if (reference.Length != 2 * pixels) throw new ArgumentException($"Reference has {reference.Length} floats; expected 2 x {width} x {height}.", nameof(reference));
        if (secondary.Length != 2 * pixels) throw new ArgumentException($"Secondary has {secondary.Length} floats; expected 2 x {width} x {height}.", nameof(secondary));
        if (coherence.Length != pixels) throw new ArgumentException($"Output has {coherence.Length} values; expected {width} x {height}.", nameof(coherence));
        if (options.BlockRows < 1) throw new ArgumentOutOfRangeException(nameof(options), "BlockRows must be at least 1.");

        var blockRows = options.BlockRows;
        var blocks = (height + blockRows - 1) / blockRows;
        var vector = !options.ForceScalar && Vector.IsHardwareAccelerated;
        fixed (float* pa = reference, pb = secondary, po = coherence)
        {
            // Pointers cross into the lambda as integers (a fixed local cannot be captured).
            nint a = (nint)pa, b = (nint)pb, o = (nint)po;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            Parallel.For(
                0,
                blocks,
                parallel,
                () => new Workspace(width, window),
                (block, _, ws) =>
                {
                    var y0 = block * blockRows;
                    var y1 = Math.Min(height, y0 + blockRows);
                    RunBlock((float*)a, (float*)b, (float*)o, width, height, window, y0, y1, vector, options.EdgeMode, ws);
                    return ws;
                },
                _ => { });
        }
    }

    /// <summary>
    /// Output columns per strip. A block is processed strip by strip so that the row prefix and the
    /// ring of one strip (~40 KB for a 7 × 2 window) stay in the L1/L2 cache instead of streaming
    /// 5 channels × 8 bytes × width per row through memory. Fixed, so results never depend on threads.
    /// </summary>
    internal const int StripWidth = 256;

    private sealed class Workspace(int width, CoherenceWindow window)
    {
        private static int StripColumns(int width) => Math.Min(width, StripWidth);

        /// <summary>Horizontal prefix sums of one strip's input columns, per channel, length columns + 1.</summary>
        public readonly double[] RowPrefix = new double[Channels * (StripColumns(width) + window.X + 1)];

        /// <summary>Vertical prefix sums of window-row-sums for the last Y + 1 rows: [slot][channel][x].</summary>
        public readonly double[] Ring = new double[(window.Y + 1) * Channels * StripColumns(width)];
    }

    private static unsafe void RunBlock(
        float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1,
        bool vector, CoherenceEdgeMode edgeMode, Workspace ws)
    {
        int bx = CoherenceWindow.Before(win.X), ax = CoherenceWindow.After(win.X);
        int by = CoherenceWindow.Before(win.Y), ay = CoherenceWindow.After(win.Y);
        var slots = win.Y + 1;
        var start = Math.Max(0, y0 - by);

        fixed (double* hp = ws.RowPrefix, ring = ws.Ring)
        {
            for (var xs0 = 0; xs0 < w; xs0 += StripWidth)
            {
                var xs1 = Math.Min(w, xs0 + StripWidth);
                var columns = xs1 - xs0;
                var slotSize = Channels * columns;
                // Input columns the strip's windows reach; the row prefix starts at in0.
                int in0 = Math.Max(0, xs0 - bx), in1 = Math.Min(w, xs1 + ax);
                var strip = new Strip(xs0, columns, xs0 - in0, in1 - in0 + 1, w, bx, ax);

                // The vertical prefix of row start − 1 is zero.
                new Span<double>(ring + Slot(start - 1) * slotSize, slotSize).Clear();
                var last = start - 1;
                for (var y = y0; y < y1; y++)
                {
                    int hi = Math.Min(h - 1, y + ay), lo = Math.Max(0, y - by);
                    while (last < hi)
                    {
                        last++;
                        HorizontalPrefix(a + 2L * (last * (long)w + in0), b + 2L * (last * (long)w + in0), in1 - in0, hp, vector);
                        AccumulateRow(hp, ring + Slot(last - 1) * slotSize, ring + Slot(last) * slotSize, strip, vector);
                    }
                    EmitRow(ring + Slot(hi) * slotSize, ring + Slot(lo - 1) * slotSize, output + (long)y * w + xs0, columns, vector);
                }
            }
        }

        if (edgeMode == CoherenceEdgeMode.NoData)
            for (var y = y0; y < y1; y++) MarkIncompleteWindows(output + (long)y * w, y, w, h, bx, ax, by, ay);

        int Slot(int r) => (r + 1 - start) % slots;
    }

    /// <summary>
    /// Geometry of one strip: output columns [X0, X0 + Columns) of a raster of Width columns; the row
    /// prefix (stride PrefixStride) starts Offset columns before X0.
    /// </summary>
    private readonly record struct Strip(int X0, int Columns, int Offset, int PrefixStride, int Width, int Bx, int Ax);

    /// <summary>
    /// Prefix sums of the five channels along one row. Pixels go in groups of four with a fixed
    /// addition tree (a two-step in-register scan plus the carry), which the AVX2 path does in
    /// registers and the scalar path spells out, so both round identically; the tail is sequential.
    /// </summary>
    private static unsafe void HorizontalPrefix(float* ra, float* rb, int w, double* hp, bool vector)
    {
        var stride = w + 1;
        double* p0 = hp, p1 = hp + stride, p2 = hp + 2 * stride, p3 = hp + 3 * stride, p4 = hp + 4 * stride;
        p0[0] = p1[0] = p2[0] = p3[0] = p4[0] = 0;
        var groups = w / ScanWidth;
        if (vector && ScanWidth == 8) HorizontalPrefixAvx512(ra, rb, groups, p0 + 1, p1 + 1, p2 + 1, p3 + 1, p4 + 1);
        else if (vector && Avx2.IsSupported) HorizontalPrefixAvx2(ra, rb, groups, p0 + 1, p1 + 1, p2 + 1, p3 + 1, p4 + 1);
        else HorizontalPrefixGroupsScalar(ra, rb, groups, p0 + 1, p1 + 1, p2 + 1, p3 + 1, p4 + 1);

        // Sequential tail, same code for both paths.
        var x = groups * ScanWidth;
        double sRe = p0[x], sIm = p1[x], sA = p2[x], sB = p3[x], sN = p4[x];
        for (; x < w; x++)
        {
            Products(ra, rb, x, out var re, out var im, out var pa, out var pb, out var nd);
            p0[x + 1] = sRe += re; p1[x + 1] = sIm += im; p2[x + 1] = sA += pa; p3[x + 1] = sB += pb; p4[x + 1] = sN += nd;
        }
    }

    /// <summary>Per-sample terms: products, or zeros and a nodata count of 1 when any of the four floats is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Products(float* ra, float* rb, int x, out double re, out double im, out double pa, out double pb, out double nodata)
    {
        double ar = ra[2 * x], ai = ra[2 * x + 1], br = rb[2 * x], bi = rb[2 * x + 1];
        // The sum of four finite floats is finite in double; NaN or ±Inf anywhere makes it non-finite.
        var s = ar + ai + br + bi;
        if (s - s == 0)
        {
            re = ar * br + ai * bi;
            im = ai * br - ar * bi;
            pa = ar * ar + ai * ai;
            pb = br * br + bi * bi;
            nodata = 0;
        }
        else
        {
            re = im = pa = pb = 0;
            nodata = 1;
        }
    }

    /// <summary>
    /// Pixels per group of the horizontal scan: 8 where AVX-512 is available (one zmm of doubles), else 4.
    /// The scalar path follows the same width, so on one machine both paths round identically.
    /// </summary>
    internal static readonly int ScanWidth = Avx512F.IsSupported ? 8 : 4;

    private static unsafe void HorizontalPrefixGroupsScalar(float* ra, float* rb, int groups, double* o0, double* o1, double* o2, double* o3, double* o4)
    {
        var g = ScanWidth;
        Span<double> v = stackalloc double[5 * 8]; // [channel * g + lane]
        Span<double> shifted = stackalloc double[8];
        Span<double> carry = stackalloc double[5];
        carry.Clear();
        for (var k = 0; k < groups; k++)
        {
            for (var lane = 0; lane < g; lane++)
            {
                Products(ra, rb, g * k + lane, out var re, out var im, out var pa, out var pb, out var nd);
                v[lane] = re; v[g + lane] = im; v[2 * g + lane] = pa; v[3 * g + lane] = pb; v[4 * g + lane] = nd;
            }
            for (var c = 0; c < 5; c++)
            {
                var s = v.Slice(c * g, g);
                // Log-step inclusive scan, lane i += lane i − d (0 below d), d = 1, 2, 4 …: the vector tree.
                for (var d = 1; d < g; d *= 2)
                {
                    for (var i = 0; i < g; i++) shifted[i] = i >= d ? s[i - d] : 0.0;
                    for (var i = 0; i < g; i++) s[i] += shifted[i];
                }
                var o = c switch { 0 => o0, 1 => o1, 2 => o2, 3 => o3, _ => o4 } + g * k;
                for (var i = 0; i < g; i++) o[i] = s[i] + carry[c];
                carry[c] = o[g - 1];
            }
        }
    }

    private static unsafe void HorizontalPrefixAvx512(float* ra, float* rb, int groups, double* o0, double* o1, double* o2, double* o3, double* o4)
    {
        var deinterleave = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
        var zero = Vector512<double>.Zero;
        var scan = new ScanConstants512(
            Vector512.Create(0L, 0, 1, 2, 3, 4, 5, 6), Vector512.Create(0L, -1, -1, -1, -1, -1, -1, -1).AsDouble(),
            Vector512.Create(0L, 0, 0, 1, 2, 3, 4, 5), Vector512.Create(0L, 0, -1, -1, -1, -1, -1, -1).AsDouble(),
            Vector512.Create(0L, 0, 0, 0, 0, 1, 2, 3), Vector512.Create(0L, 0, 0, 0, -1, -1, -1, -1).AsDouble(),
            Vector512.Create(7L));
        Vector512<double> c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero;
        for (var g = 0; g < groups; g++)
        {
            // 8 complex samples → re and im of each as 8 doubles, in pixel order.
            var a = Avx512F.PermuteVar16x32(Vector512.Load(ra + 16 * g), deinterleave);
            var b = Avx512F.PermuteVar16x32(Vector512.Load(rb + 16 * g), deinterleave);
            var ar = Avx512F.ConvertToVector512Double(a.GetLower());
            var ai = Avx512F.ConvertToVector512Double(a.GetUpper());
            var br = Avx512F.ConvertToVector512Double(b.GetLower());
            var bi = Avx512F.ConvertToVector512Double(b.GetUpper());
            var s = ar + ai + br + bi;
            var valid = Vector512.Equals(s - s, zero);
            var re = (ar * br + ai * bi) & valid;
            var im = (ai * br - ar * bi) & valid;
            var pa = (ar * ar + ai * ai) & valid;
            var pb = (br * br + bi * bi) & valid;
            var nd = Vector512.AndNot(Vector512<double>.One, valid);
            c0 = Scan512(re, c0, scan, o0 + 8 * g);
            c1 = Scan512(im, c1, scan, o1 + 8 * g);
            c2 = Scan512(pa, c2, scan, o2 + 8 * g);
            c3 = Scan512(pb, c3, scan, o3 + 8 * g);
            c4 = Scan512(nd, c4, scan, o4 + 8 * g);
        }
    }

    private readonly record struct ScanConstants512(
        Vector512<long> Shift1, Vector512<double> Keep1,
        Vector512<long> Shift2, Vector512<double> Keep2,
        Vector512<long> Shift4, Vector512<double> Keep4,
        Vector512<long> Last);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<double> Scan512(Vector512<double> x, Vector512<double> carry, in ScanConstants512 k, double* output)
    {
        x += Avx512F.PermuteVar8x64(x, k.Shift1) & k.Keep1;
        x += Avx512F.PermuteVar8x64(x, k.Shift2) & k.Keep2;
        x += Avx512F.PermuteVar8x64(x, k.Shift4) & k.Keep4;
        var p = x + carry;
        p.Store(output);
        return Avx512F.PermuteVar8x64(p, k.Last);
    }

    private static unsafe void HorizontalPrefixAvx2(float* ra, float* rb, int groups, double* o0, double* o1, double* o2, double* o3, double* o4)
    {
        var deinterleave = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var keepUpper3 = Vector256.Create(0L, -1L, -1L, -1L).AsDouble();
        var zero = Vector256<double>.Zero;
        Vector256<double> c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero;
        for (var g = 0; g < groups; g++)
        {
            // 4 complex samples → re and im of each as 4 doubles, in pixel order.
            var a = Avx2.PermuteVar8x32(Avx.LoadVector256(ra + 8 * g), deinterleave);
            var b = Avx2.PermuteVar8x32(Avx.LoadVector256(rb + 8 * g), deinterleave);
            var ar = Avx.ConvertToVector256Double(a.GetLower());
            var ai = Avx.ConvertToVector256Double(a.GetUpper());
            var br = Avx.ConvertToVector256Double(b.GetLower());
            var bi = Avx.ConvertToVector256Double(b.GetUpper());
            var s = ar + ai + br + bi;
            var valid = Avx.CompareEqual(s - s, zero);
            var re = Avx.And(valid, ar * br + ai * bi);
            var im = Avx.And(valid, ai * br - ar * bi);
            var pa = Avx.And(valid, ar * ar + ai * ai);
            var pb = Avx.And(valid, br * br + bi * bi);
            var nd = Avx.AndNot(valid, Vector256<double>.One);
            c0 = Scan(re, c0, keepUpper3, o0 + 4 * g);
            c1 = Scan(im, c1, keepUpper3, o1 + 4 * g);
            c2 = Scan(pa, c2, keepUpper3, o2 + 4 * g);
            c3 = Scan(pb, c3, keepUpper3, o3 + 4 * g);
            c4 = Scan(nd, c4, keepUpper3, o4 + 4 * g);
        }
    }

    /// <summary>In-register inclusive scan of 4 lanes plus the running carry; returns the new carry broadcast.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> Scan(Vector256<double> x, Vector256<double> carry, Vector256<double> keepUpper3, double* output)
    {
        var s = x + Avx.And(Avx2.Permute4x64(x, 0b10_01_00_00), keepUpper3);   // [x0, x1+x0, x2+x1, x3+x2]
        var t = s + Avx.Permute2x128(s, s, 0x08);                              // + [0, 0, s0, s1]
        var p = t + carry;
        Avx.Store(output, p);
        return Avx2.Permute4x64(p, 0b11_11_11_11);
    }

    /// <summary>
    /// next[c][x] = prev[c][x] + (hp[c][hiX] − hp[c][loX]) over the strip's output columns, where the
    /// window of absolute column X is truncated to [max(0, X − bx), min(width − 1, X + ax)].
    /// </summary>
    private static unsafe void AccumulateRow(double* hp, double* prev, double* next, Strip s, bool vector)
    {
        int ws = s.Columns, bx = s.Bx, ax = s.Ax;
        // Local x where the window is not truncated: X − bx ≥ 0 and X + ax ≤ width − 1.
        var interiorStart = Math.Clamp(bx - s.X0, 0, ws);
        var interiorEnd = Math.Clamp(s.Width - ax - s.X0, interiorStart, ws);
        for (var c = 0; c < Channels; c++)
        {
            double* p = hp + c * s.PrefixStride, pv = prev + c * ws, nx = next + c * ws;
            for (var x = 0; x < interiorStart; x++) nx[x] = pv[x] + (p[Hi(x)] - p[Lo(x)]);
            var i = interiorStart;
            // Interior: hi = x + Offset + ax + 1, lo = x + Offset − bx (both inside the prefix).
            double* pHi = p + s.Offset + ax + 1, pLo = p + s.Offset - bx;
            if (vector)
            {
                var n = Vector<double>.Count;
                for (; i <= interiorEnd - n; i += n)
                    Vector.Store(Vector.Load(pv + i) + (Vector.Load(pHi + i) - Vector.Load(pLo + i)), nx + i);
            }
            for (; i < interiorEnd; i++) nx[i] = pv[i] + (pHi[i] - pLo[i]);
            for (var x = interiorEnd; x < ws; x++) nx[x] = pv[x] + (p[Hi(x)] - p[Lo(x)]);
        }

        int Hi(int x) => Math.Min(s.Width, s.X0 + x + ax + 1) - (s.X0 - s.Offset);
        int Lo(int x) => Math.Max(0, s.X0 + x - bx) - (s.X0 - s.Offset);
    }

    /// <summary>
    /// Window sums = hi-slot − lo-slot; then γ̂² = |Σ s1·s2*|² / (Σ|s1|²·Σ|s2|²) in double, narrowed to
    /// float, and γ̂ = sqrt in float: one double division and one float root per pixel instead of two
    /// double roots and a division (float keeps γ̂ to ~1e-7, far inside the 1e-5 budget).
    /// </summary>
    private static unsafe void EmitRow(double* hiSlot, double* loSlot, float* row, int w, bool vector)
    {
        double* hRe = hiSlot, hIm = hiSlot + w, hA = hiSlot + 2 * w, hB = hiSlot + 3 * w, hN = hiSlot + 4 * w;
        double* lRe = loSlot, lIm = loSlot + w, lA = loSlot + 2 * w, lB = loSlot + 3 * w, lN = loSlot + 4 * w;
        var x = 0;
        if (vector)
        {
            var n = Vector<double>.Count;
            for (; x <= w - 2 * n; x += 2 * n)
            {
                var q0 = SquaredRatio(
                    Vector.Load(hRe + x) - Vector.Load(lRe + x), Vector.Load(hIm + x) - Vector.Load(lIm + x),
                    Vector.Load(hA + x) - Vector.Load(lA + x), Vector.Load(hB + x) - Vector.Load(lB + x),
                    Vector.Load(hN + x) - Vector.Load(lN + x));
                var x1 = x + n;
                var q1 = SquaredRatio(
                    Vector.Load(hRe + x1) - Vector.Load(lRe + x1), Vector.Load(hIm + x1) - Vector.Load(lIm + x1),
                    Vector.Load(hA + x1) - Vector.Load(lA + x1), Vector.Load(hB + x1) - Vector.Load(lB + x1),
                    Vector.Load(hN + x1) - Vector.Load(lN + x1));
                Vector.Store(Vector.SquareRoot(Vector.Narrow(q0, q1)), row + x);
            }
        }
        for (; x < w; x++)
            row[x] = MathF.Sqrt((float)SquaredRatio(hRe[x] - lRe[x], hIm[x] - lIm[x], hA[x] - lA[x], hB[x] - lB[x], hN[x] - lN[x]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SquaredRatio(Vector<double> re, Vector<double> im, Vector<double> pa, Vector<double> pb, Vector<double> nodata)
    {
        var den = pa * pb;
        var q = Vector.Min((re * re + im * im) / den, Vector<double>.One);
        q = Vector.ConditionalSelect(Vector.GreaterThan(den, Vector<double>.Zero), q, Vector<double>.Zero);
        return Vector.ConditionalSelect(Vector.GreaterThan(nodata, new Vector<double>(0.5)), new Vector<double>(double.NaN), q);
    }

    // Same operations, same order as the vector SquaredRatio: the two paths agree bit for bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SquaredRatio(double re, double im, double pa, double pb, double nodata)
    {
        if (nodata > 0.5) return double.NaN;
        var den = pa * pb;
        // Cauchy–Schwarz bounds γ̂ by 1; Min removes rounding overshoot.
        return den > 0 ? Math.Min((re * re + im * im) / den, 1.0) : 0.0;
    }

    private static unsafe void MarkIncompleteWindows(float* row, int y, int w, int h, int bx, int ax, int by, int ay)
    {
        if (y - by < 0 || y + ay > h - 1)
        {
            new Span<float>(row, w).Fill(float.NaN);
            return;
        }
        for (var x = 0; x < Math.Min(bx, w); x++) row[x] = float.NaN;
        for (var x = Math.Max(0, w - ax); x < w; x++) row[x] = float.NaN;
    }
}
