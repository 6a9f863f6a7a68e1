using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MineFunctions.Core.Coherence;

/// <summary>One thread's coherence kernel, bound to a raster width and window.</summary>
internal unsafe interface ICoherenceKernel
{
    /// <summary>γ̂ of output rows [y0, y1) of a raster of height h (edges truncated).</summary>
    void Run(float* a, float* b, float* output, int h, int y0, int y1);
}

/// <summary>
/// The one vectorised coherence kernel, written once over vectors of any width
/// (<see cref="ISimdFloats{TVec}"/>): one thread's buffers for one raster width and window,
/// computing rows in order. Per output row y, two passes over the row, interleaved in one loop:
/// <list type="number">
/// <item>Vertical: the row entering the window is read once (two sequential streams), de-interleaved,
/// and turned into its four products (Re and Im of s1·conj(s2), |s1|², |s2|²); they are added to the
/// products of the window's other rows, kept in a ring of Y rows, giving the vertical sums V.</item>
/// <item>Horizontal: each window sum adds its X columns of V, read with unaligned loads from the
/// zero-padded V row (columns outside the raster add zeros: the truncated window); then γ̂.</item>
/// </list>
/// </summary>
/// <remarks>
/// No running sums and no subtraction: a window sum holds only its own X × Y samples, so a bright
/// scatterer cannot leave a residue in the dark windows beside it, and a window of zeros sums to
/// exactly 0. Float error is then at most ~(X + Y) × 6e-8 of the sum of magnitudes, which bounds the
/// error of γ̂ (Cauchy–Schwarz), provided no product or sum leaves float's normal range: the guard in
/// <see cref="Window"/> checks each window power is 0 or within [2⁻⁴⁰, 2⁶⁰] (then every term of the
/// ratio is a normal float) and sends any other window (samples beyond ~1e9 or below ~1e-6, or ±Inf)
/// to <see cref="CoherenceReference.Pixel"/>. A NaN sample makes NaN exactly the windows that hold it.
/// Every window's sums are added in an order fixed by the window alone, so work units and threads
/// never change a bit of the output. Cost per pixel grows with X + Y (the default 7 × 2 is cheap).
/// </remarks>
internal sealed unsafe class CoherenceKernel<TVec, TSimd> : ICoherenceKernel
    where TVec : struct
    where TSimd : struct, ISimdFloats<TVec>
{
    private const float Huge = 1.1529215e18f; // 2^60
    private const uint TinyBits = 0x2B800000; // bits of 2^-40

    private readonly int w, wx, bx, by, ay, wy;
    private readonly CoherenceWindow window;

    /// <summary>Floats from one channel row to the next, and zero columns before column 0 of each.</summary>
    private readonly int stride, pad;

    /// <summary>
    /// Columns the horizontal pass lags behind the vertical one in <see cref="Fused"/>: the window's
    /// reach after its centre, plus a few vectors so that its unaligned loads of V do not meet
    /// stores still in flight (a load spanning two pending stores cannot be forwarded and waits).
    /// </summary>
    private const int LagVectors = 3;
    private readonly int lag;

    /// <summary>
    /// Ring of the products of the last Y rows (row r in slot r mod Y; 4 channel rows each), the
    /// vertical sums V (4 channel rows), and zero-padded staging for a row's partial last vector.
    /// </summary>
    private readonly float* ring, sums, stageA, stageB, stageOut;

    /// <summary>Slots of the rows whose products are added to the entering row's (row order).</summary>
    private readonly nint* older;

    // Pinned so that the pointers above stay valid; the GC frees them with the kernel.
    private readonly float[] memory;
    private readonly nint[] olderSlots;

    /// <summary>
    /// How far ahead along the row the samples are prefetched (2 KB of each raster): the hardware
    /// prefetcher alone left the previous kernel waiting on the two input streams (docs/BENCHMARKS.md).
    /// A line past the row's end is harmless: prefetches do not fault.
    /// </summary>
    private const int PrefetchFloats = 512;

    private static int Lanes => TSimd.Count;

    public CoherenceKernel(int width, CoherenceWindow win)
    {
        (w, window, wx, wy) = (width, win, win.X, win.Y);
        (bx, by, ay) = (CoherenceWindow.Before(win.X), CoherenceWindow.Before(win.Y), CoherenceWindow.After(win.Y));
        pad = RoundUp(Math.Max(bx, 1), 16);
        lag = RoundUp(CoherenceWindow.After(win.X), Lanes) + LagVectors * Lanes;
        stride = RoundUp(pad + RoundUp(w, Lanes) + CoherenceWindow.After(win.X) + Lanes, 16);
        // Channel rows a multiple of 4 KB apart would alias in the store-to-load checks: shift them.
        if (stride % 1024 == 0) stride += 16;
        long channels = 4L * stride, total = (wy + 1) * channels + 5L * Lanes + 16;
        memory = GC.AllocateArray<float>(checked((int)total), pinned: true);
        var start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(memory));
        start += (16 - (int)((nint)start / sizeof(float) % 16)) % 16; // 64-byte aligned
        ring = start;
        sums = ring + wy * channels;
        stageA = sums + channels;
        stageB = stageA + 2 * Lanes;
        stageOut = stageB + 2 * Lanes;
        olderSlots = GC.AllocateArray<nint>(wy, pinned: true);
        older = (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(olderSlots));
    }

    public void Run(float* a, float* b, float* output, int h, int y0, int y1)
    {
        // Warm-up: the rows above y0's window bottom enter the ring (their V is not used).
        for (var r = Math.Max(0, y0 - by); r < Math.Min(h, y0 + ay); r++)
            Vertical(a + 2L * r * w, b + 2L * r * w, Slot(r), 0, 0, w);
        for (var y = y0; y < y1; y++)
        {
            int lo = Math.Max(0, y - by), enter = y + ay, n = 0;
            var last = Math.Min(h - 1, enter);
            for (var r = lo; r <= last; r++)
                if (r != enter) older[n++] = (nint)Slot(r);
            float* ra = enter < h ? a + 2L * enter * w : null, rb = enter < h ? b + 2L * enter * w : null;
            float* keep = enter < h && wy > 1 ? Slot(enter) : null;
            var row = output + (long)y * w;
            var bad = Fused(ra, rb, keep, n, row);
            if (bad) Repair(a, b, row, h, y);
        }
    }

    private float* Slot(int r) => ring + (long)(r % wy) * 4 * stride;

    /// <summary>
    /// Both passes in one loop: the vertical step of vector j and the horizontal step of vector
    /// j − lag, so the input streams and the long arithmetic chains overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fused(float* ra, float* rb, float* keep, int count, float* output)
    {
        // Fields in locals, so the loop keeps them in registers.
        var bad = TSimd.Zero;
        int full = w - w % Lanes, x = 0, windowWidth = wx, behind = lag;
        long s = stride;
        float* v = sums + pad, windows = v - bx, kept = keep == null ? null : keep + pad;
        nint* rows = older;
        for (; x < full; x += Lanes)
        {
            VerticalStep(ra == null ? null : ra + 2 * x, rb + 2 * x, kept == null ? null : kept + x, rows, count, pad + x, v + x, s);
            if (x >= behind)
            {
                var (gamma, guard) = Window(windows + x - behind, s, windowWidth);
                TSimd.Store(gamma, output + x - behind);
                bad = TSimd.Or(bad, guard);
            }
        }
        Vertical(ra, rb, keep, count, full, w);
        var from = Math.Max(0, full - lag);
        return TSimd.Any(bad) | Horizontal(output, from, w);
    }

    /// <summary>
    /// V = the entering row's products (none when <paramref name="ra"/> is null: the window's bottom
    /// is past the raster) + the products of the <paramref name="count"/> rows in <see cref="older"/>;
    /// the entering row's products are kept in <paramref name="keep"/> unless it is null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Vertical(float* ra, float* rb, float* keep, int count, int x0, int x1)
    {
        int x = x0, full = Math.Min(x1, w - w % Lanes);
        for (; x < full; x += Lanes)
            VerticalStep(ra == null ? null : ra + 2 * x, rb + 2 * x, keep == null ? null : keep + pad + x, older, count, pad + x, sums + pad + x, stride);
        if (x < x1)
        {
            if (ra != null)
            {
                // The partial last vector reads zero-padded copies (zeros: columns outside the raster).
                new Span<float>(stageA, 2 * Lanes).Clear();
                new Span<float>(stageB, 2 * Lanes).Clear();
                new ReadOnlySpan<float>(ra + 2 * x, 2 * (w - x)).CopyTo(new Span<float>(stageA, 2 * Lanes));
                new ReadOnlySpan<float>(rb + 2 * x, 2 * (w - x)).CopyTo(new Span<float>(stageB, 2 * Lanes));
            }
            VerticalStep(ra == null ? null : stageA, stageB, keep == null ? null : keep + pad + x, older, count, pad + x, sums + pad + x, stride);
        }
    }

    /// <summary>
    /// One vector of V at <paramref name="v"/> (channel rows <paramref name="s"/> apart): the entering
    /// row's products from pa, pb (kept at <paramref name="keep"/>) plus those at
    /// <paramref name="at"/> in the <paramref name="count"/> slots of <paramref name="rows"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VerticalStep(float* pa, float* pb, float* keep, nint* rows, int count, long at, float* v, long s)
    {
        TVec s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
        if (pa != null)
        {
            TSimd.Prefetch(pa + PrefetchFloats); TSimd.Prefetch(pa + PrefetchFloats + 2 * Lanes - 1);
            TSimd.Prefetch(pb + PrefetchFloats); TSimd.Prefetch(pb + PrefetchFloats + 2 * Lanes - 1);
            // The products (METHOD.md §1.2): Re and Im of s1·conj(s2), |s1|², |s2|², one rounding each.
            TSimd.Deinterleave(pa, out var ar, out var ai);
            TSimd.Deinterleave(pb, out var br, out var bi);
            s0 = TSimd.MultiplyAdd(ar, br, TSimd.Multiply(ai, bi));
            s1 = TSimd.MultiplySubtract(ai, br, TSimd.Multiply(ar, bi));
            s2 = TSimd.MultiplyAdd(ar, ar, TSimd.Multiply(ai, ai));
            s3 = TSimd.MultiplyAdd(br, br, TSimd.Multiply(bi, bi));
            if (keep != null)
            {
                TSimd.Store(s0, keep); TSimd.Store(s1, keep + s); TSimd.Store(s2, keep + 2 * s); TSimd.Store(s3, keep + 3 * s);
            }
        }
        for (var j = 0; j < count; j++)
        {
            var p = (float*)rows[j] + at;
            s0 = TSimd.Add(s0, TSimd.Load(p)); s1 = TSimd.Add(s1, TSimd.Load(p + s));
            s2 = TSimd.Add(s2, TSimd.Load(p + 2 * s)); s3 = TSimd.Add(s3, TSimd.Load(p + 3 * s));
        }
        TSimd.Store(s0, v); TSimd.Store(s1, v + s); TSimd.Store(s2, v + 2 * s); TSimd.Store(s3, v + 3 * s);
    }

    /// <summary>γ̂ of columns [x0, x1) of one output row from V; true if the range guard tripped there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Horizontal(float* output, int x0, int x1)
    {
        var bad = TSimd.Zero;
        int x = x0, full = Math.Min(x1, w - w % Lanes);
        for (; x < full; x += Lanes)
        {
            var (gamma, guard) = Window(sums + pad - bx + x, stride, wx);
            TSimd.Store(gamma, output + x);
            bad = TSimd.Or(bad, guard);
        }
        if (x < x1)
        {
            var (gamma, guard) = Window(sums + pad - bx + x, stride, wx);
            TSimd.Store(gamma, stageOut);
            bad = TSimd.Or(bad, guard);
            new ReadOnlySpan<float>(stageOut, w - x).CopyTo(new Span<float>(output + x, w - x));
        }
        return TSimd.Any(bad);
    }

    /// <summary>The row's pixels whose window tripped the guard, from the reference in double (rare: see the remarks).</summary>
    private void Repair(float* a, float* b, float* output, int h, int y)
    {
        var sa = new ReadOnlySpan<float>(a, 2 * w * h);
        var sb = new ReadOnlySpan<float>(b, 2 * w * h);
        for (var x = 0; x < w; x += Lanes)
        {
            var bad = Window(sums + pad - bx + x, stride, wx).Bad;
            for (var i = 0; i < Lanes && x + i < w; i++)
                if (TSimd.Lane(bad, i)) output[x + i] = (float)CoherenceReference.Pixel(sa, sb, w, h, window, x + i, y);
        }
    }

    /// <summary>
    /// γ̂ of the Lanes pixels whose windows start at <paramref name="p"/> in V (channel rows
    /// <paramref name="s"/> apart): each adds its <paramref name="width"/> columns left to right.
    /// Bad: the lanes whose window power is neither 0 nor within [2^-40, 2^60] (see the remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVec Gamma, TVec Bad) Window(float* p, long s, int width)
    {
        TVec re = TSimd.Load(p), im = TSimd.Load(p + s), pa = TSimd.Load(p + 2 * s), pb = TSimd.Load(p + 3 * s);
        for (var k = 1; k < width; k++)
        {
            var q = p + k;
            re = TSimd.Add(re, TSimd.Load(q)); im = TSimd.Add(im, TSimd.Load(q + s));
            pa = TSimd.Add(pa, TSimd.Load(q + 2 * s)); pb = TSimd.Add(pb, TSimd.Load(q + 3 * s));
        }
        // γ̂ = sqrt(min(1, (re² + im²) / (pa·pb))), 0 where pa·pb = 0, NaN where a sum is NaN.
        var den = TSimd.Multiply(pa, pb);
        var ratio = TSimd.Divide(TSimd.MultiplyAdd(re, re, TSimd.Multiply(im, im)), den);
        // (A NaN may or may not trip the guard: the reference then gives NaN too.)
        var bad = TSimd.Or(TSimd.BelowPositive(TSimd.Min(pa, pb), TinyBits - 1), TSimd.GreaterThan(TSimd.Max(pa, pb), Huge));
        return (TSimd.Sqrt(TSimd.RatioToGamma(ratio, TSimd.EqualsZero(den))), bad);
    }

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;
}
