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
/// A count as a type (<see cref="Zero"/>, Next&lt;Zero&gt;, …): the window's reach as type arguments of
/// the kernel, so the JIT compiles only the column terms of each window, with constant lane shifts
/// (<see cref="CoherenceKernel{TVec, TSimd, TBefore, TAfter}"/>).
/// </summary>
internal interface ICount
{
    static abstract int Value { get; }

    /// <summary>The type whose <see cref="Value"/> is n.</summary>
    static Type Of(int n) => n == 0 ? typeof(Zero) : typeof(Next<>).MakeGenericType(Of(n - 1));
}

internal readonly struct Zero : ICount { public static int Value => 0; }

internal readonly struct Next<T> : ICount where T : struct, ICount { public static int Value => T.Value + 1; }

/// <summary>
/// The one vectorised coherence kernel, written once over vectors of any width
/// (<see cref="ISimdFloats{TVec}"/>): one thread's buffers for one raster width and window,
/// computing rows in order, a tile of Lanes columns at a time. Per output row y and tile:
/// <list type="number">
/// <item>Vertical: the row entering the window is read once (two sequential streams), de-interleaved,
/// and turned into its four products (Re and Im of s1·conj(s2), |s1|², |s2|²); they are added to the
/// products of the window's other rows, kept in a ring of Y − 1 rows, giving the tile's vertical sums V.</item>
/// <item>Horizontal: the windows of the tile before adds their X columns of V from that tile and its
/// two neighbours, held in registers, as lane shifts (<see cref="ISimdFloats{TVec}.ShiftConcat"/>);
/// then γ̂. Windows reaching more than 8 columns to a side, or vectors without a lane shift, read the
/// columns from V stored as a zero-padded row instead (<see cref="FromMemory"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// No running sums and no subtraction: a window sum holds only its own X × Y samples, so a bright
/// scatterer cannot leave a residue in the dark windows beside it, and a window of zeros sums to
/// exactly 0. Float error is then at most ~(X + Y) × 6e-8 of the sum of magnitudes, which bounds the
/// error of γ̂ (Cauchy–Schwarz), provided no product or sum leaves float's normal range: the guard in
/// <see cref="Gamma"/> checks each window power is 0 or within [2⁻⁴⁰, 2⁶⁰] (then every term of the
/// ratio is a normal float) and sends any other window (samples beyond ~1e9 or below ~1e-6, or ±Inf)
/// to <see cref="CoherenceReference.Pixel"/>. A NaN sample makes NaN exactly the windows that hold it.
/// Every window adds its columns left to right and its rows in an order fixed by the window alone,
/// whatever the vector width or path, so work units, threads and vectors never change a bit of the
/// output. Cost per pixel grows with X + Y (the default 7 × 2 is cheap).
/// </remarks>
internal sealed unsafe class CoherenceKernel<TVec, TSimd, TBefore, TAfter> : ICoherenceKernel
    where TVec : struct
    where TSimd : struct, ISimdFloats<TVec>
    where TBefore : struct, ICount
    where TAfter : struct, ICount
{
    private const float Huge = 1.1529215e18f; // 2^60
    private const uint TinyBits = 0x2B800000; // bits of 2^-40

    private readonly int w, wx, bx, ax, by, ay, wy, slots;
    private readonly CoherenceWindow window;

    /// <summary>Whether the windows' columns come from lane shifts of tiles in registers (else from memory).</summary>
    private readonly bool shifted;

    /// <summary>Floats from one channel row to the next, and zero columns before column 0 of each.</summary>
    private readonly int stride, pad;

    /// <summary>
    /// Ring of the products of the window's last Y − 1 rows (row r in slot r mod (Y − 1); a tile's 4 channels
    /// side by side: one stream); V as a row (4 channel rows, windows from memory only); the guard of the
    /// columns where it tripped (for <see cref="Repair"/>, which clears it); zeros and zero-padded staging
    /// for a row's partial last tile; and the lane-shift indices (<see cref="ISimdFloats{TVec}.ShiftIndex"/>).
    /// </summary>
    private readonly float* ring, sums, guards, zeros, stageA, stageB, stageOut, shifts;

    /// <summary>Slots of the rows whose products are added to the entering row's (row order).</summary>
    private readonly nint* older;

    // Pinned so that the pointers above stay valid; the GC frees them with the kernel.
    private readonly float[] memory;
    private readonly nint[] olderSlots;

    /// <summary>How far ahead the samples are prefetched, 2 KB of each raster: the hardware prefetcher alone left
    /// the kernels waiting on the inputs (docs/BENCHMARKS.md). Past the row's end is harmless: prefetches do not fault.</summary>
    private const int PrefetchFloats = 512;

    /// <summary>The widest reach to either side taken from lane shifts (windows of up to 17 columns); wider windows read V from memory.</summary>
    private const int MaxShiftReach = 8;

    private static int Lanes => TSimd.Count;

    /// <summary>The kernel for this window on vectors TVec (its reach as type arguments where the lane shifts use it).</summary>
    public static ICoherenceKernel Create(int width, CoherenceWindow win)
    {
        int before = CoherenceWindow.Before(win.X), after = CoherenceWindow.After(win.X);
        var fits = TSimd.CanShift && before <= MaxShiftReach && after <= MaxShiftReach;
        var type = typeof(CoherenceKernel<,,,>).MakeGenericType(typeof(TVec), typeof(TSimd), ICount.Of(fits ? before : 0), ICount.Of(fits ? after : 0));
        return (ICoherenceKernel)Activator.CreateInstance(type, width, win)!;
    }

    public CoherenceKernel(int width, CoherenceWindow win)
    {
        (w, window, wx, wy) = (width, win, win.X, win.Y);
        (bx, ax, by, ay) = (CoherenceWindow.Before(win.X), CoherenceWindow.After(win.X), CoherenceWindow.Before(win.Y), CoherenceWindow.After(win.Y));
        shifted = TSimd.CanShift && bx <= MaxShiftReach && ax <= MaxShiftReach;
        if (shifted && (TBefore.Value, TAfter.Value) != (bx, ax)) throw new ArgumentException($"Kernel compiled for reach {TBefore.Value}/{TAfter.Value}, not the window {win}.", nameof(win));
        pad = RoundUp(Math.Max(bx, 1), 16);
        int tiles = RoundUp(w, Lanes);
        stride = RoundUp(pad + tiles + ax + Lanes, 16);
        // Channel rows a multiple of 4 KB apart would alias in the store-to-load checks: shift them.
        if (stride % 1024 == 0) stride += 16;
        // Y − 1 rows of products: the entering row's take the slot of the row leaving the window (see VerticalStep).
        slots = Math.Max(1, wy - 1);
        long channels = 4L * stride, total = (slots + 1) * channels + tiles + Lanes + (8 + Lanes) * Lanes + 16;
        memory = GC.AllocateArray<float>(checked((int)total), pinned: true);
        var start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(memory));
        start += (16 - (int)((nint)start / sizeof(float) % 16)) % 16; // 64-byte aligned
        ring = start;
        sums = ring + slots * channels;
        guards = sums + channels;
        zeros = guards + tiles + Lanes;
        stageA = zeros + 2 * Lanes;
        stageB = stageA + 2 * Lanes;
        stageOut = stageB + 2 * Lanes;
        shifts = stageOut + Lanes;
        for (var s = 0; s <= Lanes; s++)
        for (var i = 0; i < Lanes; i++)
            shifts[s * Lanes + i] = BitConverter.Int32BitsToSingle(i + s | (i + s >= Lanes ? int.MinValue : 0));
        olderSlots = GC.AllocateArray<nint>(wy, pinned: true);
        older = (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(olderSlots));
    }

    public void Run(float* a, float* b, float* output, int h, int y0, int y1)
    {
        // Warm-up: the rows above y0's window bottom enter the ring (their V is not used).
        for (var r = Math.Max(0, y0 - by); r < Math.Min(h, y0 + ay); r++)
            FromMemory(a + 2L * r * w, b + 2L * r * w, Slot(r), 0, null);
        for (var y = y0; y < y1; y++)
        {
            int lo = Math.Max(0, y - by), enter = y + ay, n = 0;
            var last = Math.Min(h - 1, enter);
            for (var r = lo; r <= last; r++)
                if (r != enter) older[n++] = (nint)Slot(r);
            float* ra = enter < h ? a + 2L * enter * w : null, rb = enter < h ? b + 2L * enter * w : null;
            float* keep = enter < h && wy > 1 ? Slot(enter) : null;
            var row = output + (long)y * w;
            var bad = shifted ? Shifted(ra, rb, keep, n, row) : FromMemory(ra, rb, keep, n, row);
            if (bad) Repair(a, b, row, h, y);
        }
    }

    private float* Slot(int r) => ring + (long)(r % slots) * 4 * stride;

    /// <summary>
    /// One output row from tiles in registers: the vertical step of tile t, then the windows of tile
    /// t − 1 from tiles t − 2, t − 1 and t (zeros before the first and after the last). True if the
    /// range guard tripped in the row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Shifted(float* ra, float* rb, float* keep, int count, float* output)
    {
        int tiles = (w + Lanes - 1) / Lanes, full = w / Lanes, at = 0;
        if (full < tiles && ra != null) Stage(ra, rb, full);
        // Fields in locals and pointer selects (no branch but the seldom guard's), so the tiles stay in registers.
        float* sa = stageA, sb = stageB, zero = zeros, table = shifts, mask = guards;
        nint* rows = older;
        TVec l0 = TSimd.Zero, l1 = l0, l2 = l0, l3 = l0, c0 = l0, c1 = l0, c2 = l0, c3 = l0, bad = l0;
        for (var t = 0; t <= tiles; t++, at += 4 * Lanes)
        {
            float* pa = ra == null ? null : t < full ? ra + 2 * Lanes * t : t < tiles ? sa : zero;
            float* pb = t < full ? rb + 2 * Lanes * t : t < tiles ? sb : zero;
            VerticalStep(pa, pb, keep == null ? null : keep + at, rows, count, at, out var r0, out var r1, out var r2, out var r3);
            if (t > 0)
            {
                Columns(l0, l1, l2, l3, c0, c1, c2, c3, r0, r1, r2, r3, table, out var s0, out var s1, out var s2, out var s3);
                var (gamma, guard) = Gamma(s0, s1, s2, s3);
                TSimd.Store(gamma, t - 1 < full ? output + Lanes * (t - 1) : stageOut);
                if (TSimd.Any(guard)) { TSimd.Store(guard, mask + Lanes * (t - 1)); bad = guard; } // seldom: no store stream
            }
            (l0, l1, l2, l3, c0, c1, c2, c3) = (c0, c1, c2, c3, r0, r1, r2, r3);
        }
        if (full < tiles) new ReadOnlySpan<float>(stageOut, w - Lanes * full).CopyTo(new Span<float>(output + Lanes * full, w - Lanes * full));
        return TSimd.Any(bad);
    }

    /// <summary>
    /// The window sums of tile c's lanes in the four channels (V of tiles l, c, r), each adding columns
    /// x − before … x + after left to right: lanes Lanes − before … of l:c, c, then lanes 1 … after of c:r.
    /// Term by term, not in loops, so each shift is a constant when <see cref="ISimdFloats{TVec}.ShiftConcat"/>
    /// is inlined (a valignd immediate on Vector512): the JIT unrolls loops after compiling the shift as a jump table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(TVec l0, TVec l1, TVec l2, TVec l3, TVec c0, TVec c1, TVec c2, TVec c3,
        TVec r0, TVec r1, TVec r2, TVec r3, float* t, out TVec s0, out TVec s1, out TVec s2, out TVec s3)
    {
        var i0 = TSimd.ShiftIndex(Lanes - TBefore.Value, t); // with no reach before, the shift by Lanes: c
        (s0, s1, s2, s3) = (TSimd.ShiftConcat(l0, c0, Lanes - TBefore.Value, i0), TSimd.ShiftConcat(l1, c1, Lanes - TBefore.Value, i0), TSimd.ShiftConcat(l2, c2, Lanes - TBefore.Value, i0), TSimd.ShiftConcat(l3, c3, Lanes - TBefore.Value, i0));
        if (TBefore.Value > 7) { var i = TSimd.ShiftIndex(Lanes - 7, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 7, i), Add(s1, l1, c1, Lanes - 7, i), Add(s2, l2, c2, Lanes - 7, i), Add(s3, l3, c3, Lanes - 7, i)); }
        if (TBefore.Value > 6) { var i = TSimd.ShiftIndex(Lanes - 6, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 6, i), Add(s1, l1, c1, Lanes - 6, i), Add(s2, l2, c2, Lanes - 6, i), Add(s3, l3, c3, Lanes - 6, i)); }
        if (TBefore.Value > 5) { var i = TSimd.ShiftIndex(Lanes - 5, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 5, i), Add(s1, l1, c1, Lanes - 5, i), Add(s2, l2, c2, Lanes - 5, i), Add(s3, l3, c3, Lanes - 5, i)); }
        if (TBefore.Value > 4) { var i = TSimd.ShiftIndex(Lanes - 4, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 4, i), Add(s1, l1, c1, Lanes - 4, i), Add(s2, l2, c2, Lanes - 4, i), Add(s3, l3, c3, Lanes - 4, i)); }
        if (TBefore.Value > 3) { var i = TSimd.ShiftIndex(Lanes - 3, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 3, i), Add(s1, l1, c1, Lanes - 3, i), Add(s2, l2, c2, Lanes - 3, i), Add(s3, l3, c3, Lanes - 3, i)); }
        if (TBefore.Value > 2) { var i = TSimd.ShiftIndex(Lanes - 2, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 2, i), Add(s1, l1, c1, Lanes - 2, i), Add(s2, l2, c2, Lanes - 2, i), Add(s3, l3, c3, Lanes - 2, i)); }
        if (TBefore.Value > 1) { var i = TSimd.ShiftIndex(Lanes - 1, t); (s0, s1, s2, s3) = (Add(s0, l0, c0, Lanes - 1, i), Add(s1, l1, c1, Lanes - 1, i), Add(s2, l2, c2, Lanes - 1, i), Add(s3, l3, c3, Lanes - 1, i)); }
        if (TBefore.Value > 0) (s0, s1, s2, s3) = (TSimd.Add(s0, c0), TSimd.Add(s1, c1), TSimd.Add(s2, c2), TSimd.Add(s3, c3));
        if (TAfter.Value >= 1) { var i = TSimd.ShiftIndex(1, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 1, i), Add(s1, c1, r1, 1, i), Add(s2, c2, r2, 1, i), Add(s3, c3, r3, 1, i)); }
        if (TAfter.Value >= 2) { var i = TSimd.ShiftIndex(2, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 2, i), Add(s1, c1, r1, 2, i), Add(s2, c2, r2, 2, i), Add(s3, c3, r3, 2, i)); }
        if (TAfter.Value >= 3) { var i = TSimd.ShiftIndex(3, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 3, i), Add(s1, c1, r1, 3, i), Add(s2, c2, r2, 3, i), Add(s3, c3, r3, 3, i)); }
        if (TAfter.Value >= 4) { var i = TSimd.ShiftIndex(4, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 4, i), Add(s1, c1, r1, 4, i), Add(s2, c2, r2, 4, i), Add(s3, c3, r3, 4, i)); }
        if (TAfter.Value >= 5) { var i = TSimd.ShiftIndex(5, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 5, i), Add(s1, c1, r1, 5, i), Add(s2, c2, r2, 5, i), Add(s3, c3, r3, 5, i)); }
        if (TAfter.Value >= 6) { var i = TSimd.ShiftIndex(6, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 6, i), Add(s1, c1, r1, 6, i), Add(s2, c2, r2, 6, i), Add(s3, c3, r3, 6, i)); }
        if (TAfter.Value >= 7) { var i = TSimd.ShiftIndex(7, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 7, i), Add(s1, c1, r1, 7, i), Add(s2, c2, r2, 7, i), Add(s3, c3, r3, 7, i)); }
        if (TAfter.Value >= 8) { var i = TSimd.ShiftIndex(8, t); (s0, s1, s2, s3) = (Add(s0, c0, r0, 8, i), Add(s1, c1, r1, 8, i), Add(s2, c2, r2, 8, i), Add(s3, c3, r3, 8, i)); }
    }

    /// <summary>s + lanes k … of lo:hi (one column of a window).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Add(TVec s, TVec lo, TVec hi, int k, TVec index) => TSimd.Add(s, TSimd.ShiftConcat(lo, hi, k, index));

    /// <summary>
    /// V of the row stored as a zero-padded row (or, with <paramref name="output"/> null, only the
    /// entering row's products kept), then, unless null, the output row's windows from it with
    /// unaligned loads. True if the range guard tripped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FromMemory(float* ra, float* rb, float* keep, int count, float* output)
    {
        int tiles = (w + Lanes - 1) / Lanes, full = w / Lanes;
        if (full < tiles && ra != null) Stage(ra, rb, full);
        for (var t = 0; t < tiles; t++)
        {
            float* pa = ra == null ? null : t < full ? ra + 2 * Lanes * t : stageA, pb = t < full ? rb + 2 * Lanes * t : stageB;
            VerticalStep(pa, pb, keep == null ? null : keep + 4 * Lanes * t, older, count, 4 * Lanes * t, out var r0, out var r1, out var r2, out var r3);
            float* v = sums + pad + Lanes * t;
            TSimd.Store(r0, v); TSimd.Store(r1, v + stride); TSimd.Store(r2, v + 2 * stride); TSimd.Store(r3, v + 3 * stride);
        }
        if (output == null) return false;
        var bad = TSimd.Zero;
        for (var t = 0; t < tiles; t++)
        {
            float* p = sums + pad - bx + Lanes * t;
            TVec re = TSimd.Load(p), im = TSimd.Load(p + stride), pa = TSimd.Load(p + 2 * stride), pb = TSimd.Load(p + 3 * stride);
            for (var k = 1; k < wx; k++)
            {
                var q = p + k;
                re = TSimd.Add(re, TSimd.Load(q)); im = TSimd.Add(im, TSimd.Load(q + stride));
                pa = TSimd.Add(pa, TSimd.Load(q + 2 * stride)); pb = TSimd.Add(pb, TSimd.Load(q + 3 * stride));
            }
            var (gamma, guard) = Gamma(re, im, pa, pb);
            TSimd.Store(gamma, t < full ? output + Lanes * t : stageOut);
            if (TSimd.Any(guard)) { TSimd.Store(guard, guards + Lanes * t); bad = guard; }
        }
        if (full < tiles) new ReadOnlySpan<float>(stageOut, w - Lanes * full).CopyTo(new Span<float>(output + Lanes * full, w - Lanes * full));
        return TSimd.Any(bad);
    }

    /// <summary>Copies the row's partial last tile (columns Lanes × full …) into zero-padded staging (zeros: columns outside the raster).</summary>
    private void Stage(float* ra, float* rb, int full)
    {
        int n = 2 * (w - Lanes * full);
        new Span<float>(stageA, 2 * Lanes).Clear();
        new Span<float>(stageB, 2 * Lanes).Clear();
        new ReadOnlySpan<float>(ra + 2 * Lanes * full, n).CopyTo(new Span<float>(stageA, n));
        new ReadOnlySpan<float>(rb + 2 * Lanes * full, n).CopyTo(new Span<float>(stageB, n));
    }

    /// <summary>
    /// One tile of V (r0 … r3): the entering row's products from pa, pb (none when pa is null: the
    /// window's bottom is past the raster; kept at <paramref name="keep"/>, the slot of the row leaving the window, unless it is null), plus
    /// those at <paramref name="at"/> in the <paramref name="count"/> slots of <paramref name="rows"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VerticalStep(float* pa, float* pb, float* keep, nint* rows, int count, long at,
        out TVec s0, out TVec s1, out TVec s2, out TVec s3)
    {
        s0 = s1 = s2 = s3 = TSimd.Zero;
        if (pa != null)
        {
            // Two lines 64 bytes apart, ahead of the tile's start: a tile of 16 samples spans 128 bytes, and
            // rows need not start on a line (a float[]'s data need not), so prefetching its first and last
            // float instead skipped every other line (docs/BENCHMARKS.md).
            TSimd.Prefetch(pa + PrefetchFloats); TSimd.Prefetch(pa + PrefetchFloats + 16);
            TSimd.Prefetch(pb + PrefetchFloats); TSimd.Prefetch(pb + PrefetchFloats + 16);
            // The products (METHOD.md §1.2): Re and Im of s1·conj(s2), |s1|², |s2|², one rounding each.
            TSimd.Deinterleave(pa, out var ar, out var ai);
            TSimd.Deinterleave(pb, out var br, out var bi);
            s0 = TSimd.MultiplyAdd(ar, br, TSimd.Multiply(ai, bi));
            s1 = TSimd.MultiplySubtract(ai, br, TSimd.Multiply(ar, bi));
            s2 = TSimd.MultiplyAdd(ar, ar, TSimd.Multiply(ai, ai));
            s3 = TSimd.MultiplyAdd(br, br, TSimd.Multiply(bi, bi));
        }
        // The oldest row first: its slot is where the entering row's products go (the row leaves the
        // window with this step), so they are stored in place once it is read: the ring adds one
        // stream, read and written at the same addresses, to the two input streams (docs/BENCHMARKS.md).
        var (p0, p1, p2, p3) = (s0, s1, s2, s3);
        if (count > 0)
        {
            var p = (float*)rows[0] + at;
            s0 = TSimd.Add(s0, TSimd.Load(p)); s1 = TSimd.Add(s1, TSimd.Load(p + Lanes));
            s2 = TSimd.Add(s2, TSimd.Load(p + 2 * Lanes)); s3 = TSimd.Add(s3, TSimd.Load(p + 3 * Lanes));
        }
        if (keep != null) { TSimd.Store(p0, keep); TSimd.Store(p1, keep + Lanes); TSimd.Store(p2, keep + 2 * Lanes); TSimd.Store(p3, keep + 3 * Lanes); }
        for (var j = 1; j < count; j++)
        {
            var p = (float*)rows[j] + at;
            s0 = TSimd.Add(s0, TSimd.Load(p)); s1 = TSimd.Add(s1, TSimd.Load(p + Lanes));
            s2 = TSimd.Add(s2, TSimd.Load(p + 2 * Lanes)); s3 = TSimd.Add(s3, TSimd.Load(p + 3 * Lanes));
        }
    }

    /// <summary>The row's pixels whose window tripped the guard, from the reference in double (rare: see the remarks).</summary>
    private void Repair(float* a, float* b, float* output, int h, int y)
    {
        var sa = new ReadOnlySpan<float>(a, 2 * w * h);
        var sb = new ReadOnlySpan<float>(b, 2 * w * h);
        for (var x = 0; x < w; x++)
            if (((uint*)guards)[x] != 0) { output[x] = (float)CoherenceReference.Pixel(sa, sb, w, h, window, x, y); ((uint*)guards)[x] = 0; }
    }

    /// <summary>
    /// γ̂ of Lanes windows from their sums. Bad: the lanes whose window power is neither 0 nor within
    /// [2^-40, 2^60] (see the remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVec Gamma, TVec Bad) Gamma(TVec re, TVec im, TVec pa, TVec pb)
    {
        // γ̂ = sqrt(min(1, (re² + im²) / (pa·pb))), 0 where pa·pb = 0, NaN where a sum is NaN.
        var den = TSimd.Multiply(pa, pb);
        var ratio = TSimd.Divide(TSimd.MultiplyAdd(re, re, TSimd.Multiply(im, im)), den);
        // (A NaN may or may not trip the guard: the reference then gives NaN too.)
        var bad = TSimd.Or(TSimd.BelowPositive(TSimd.Min(pa, pb), TinyBits - 1), TSimd.GreaterThan(TSimd.Max(pa, pb), Huge));
        return (TSimd.Sqrt(TSimd.RatioToGamma(ratio, TSimd.EqualsZero(den))), bad);
    }

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;
}
