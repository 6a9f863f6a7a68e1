using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Sample coherence of two coregistered complex rasters over a boxcar window (METHOD.md §1.2):
/// γ̂ = |Σ s1·conj(s2)| / sqrt(Σ|s1|² · Σ|s2|²), 0 where the denominator is 0, NaN (nodata) where
/// any sample in the window is nodata (NaN or ±Inf in re or im of either raster).
/// </summary>
/// <remarks>
/// On AVX-512 machines the float kernels run: <see cref="CoherenceRowKernel"/> for windows of up to
/// 17 columns (the default 7 × 2 among them), <see cref="CoherenceTileKernel"/> (van Herk / Gil-Werman
/// block sums) for the others, scalar twins <see cref="CoherenceRowSumsScalar"/> and
/// <see cref="CoherenceBlockSumsScalar"/>: sums without subtraction, so float is accurate and 16 lanes
/// wide; a band whose window powers leave float's safe range is redone by the double prefix kernel
/// below. Elsewhere (AVX2, other Vector&lt;T&gt;, scalar) the double prefix kernel runs.
/// Double prefix kernel: cost per pixel does not depend on the window: each input row (of a strip of at most
/// <see cref="StripWidth"/> columns, so the working set stays in the L2 cache) is turned into horizontal prefix sums (<see cref="CoherenceRowPrefix"/>),
/// each window row-sum is a difference of two prefix values, and the rows are accumulated into
/// vertical prefix sums kept in a ring of Y + 1 rows, so a window sum is again one difference; the
/// newest row's accumulation and the ratio run in one fused pass. All sums are double and the
/// prefixes restart at every row block and strip, so their cancellation error stays ~1e-16 × the
/// power summed since the restart. A window whose power (Σ|s1|² or Σ|s2|²) is not above that rounding
/// level (<see cref="RoundingLevel"/> × the power summed so far) holds no measurable signal, typically
/// zero fill beside a swath: it gets γ̂ = 0, like an all-zero window, instead of a ratio of rounding
/// residues (the in-register scan adds a group's lanes in a tree, so zeros after data need not leave
/// the prefix bit-identical). Nodata samples add zeros to the sums and the
/// windows touching them are blanked afterwards, only in blocks that have any
/// (<see cref="CoherenceNodataMask"/>). Vector paths (Vector512 where accelerated, else
/// Vector&lt;double&gt;) and the scalar path do the same operations in the same order, so all give
/// bit-identical output.
/// </remarks>
public static partial class CoherenceEstimator
{
    private const int Channels = CoherenceRowPrefix.Channels;

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

        if (CoherenceTileKernel.IsSupported)
        {
            // AVX-512 machines: the float kernels, or with ForceScalar their scalar twins (same bits).
            fixed (float* a = reference, b = secondary, o = coherence)
                EstimateFloat(a, b, o, width, height, window, options, scalar: options.ForceScalar);
            return;
        }

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
    /// ring of one strip (~0.5 MB for a 7 × 2 window at full width) stay in the L2 cache however wide
    /// the raster. Wide strips, not L1-sized ones: reading whole rows keeps the input access
    /// sequential, which the hardware prefetcher follows, whereas 2 KB pieces of rows a raster row
    /// apart cost cache and TLB misses (measured: 256-column strips ran ~20 % slower on two threads).
    /// Fixed, so results never depend on threads.
    /// </summary>
    internal const int StripWidth = 4096;

    /// <summary>
    /// Padding (doubles) after each channel row and after each slot of the ring. Unpadded, the
    /// channels and slots of a strip of 256 × 2^k columns sit at multiples of 2 KB, so the fused
    /// pass's stores and loads alias modulo 4 KB and the core stalls on false store-to-load dependences.
    /// </summary>
    private const int RingChannelPad = 8, RingSlotPad = 24;

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;

    private static int RingStride(int columns) => columns + RingChannelPad;

    private static int SlotSize(int columns) => Channels * RingStride(columns) + RingSlotPad;

    /// <summary>Per-thread buffers, allocated once per worker rather than per block.</summary>
    private sealed class Workspace(int width, CoherenceWindow window)
    {
        private static int StripColumns(int width) => Math.Min(width, StripWidth);

        /// <summary>Horizontal prefix sums of one strip's input columns, per channel, length columns + 1.</summary>
        public readonly double[] RowPrefix = new double[Channels * (StripColumns(width) + window.X + CoherenceRowPrefix.ScanWidth + 1)];

        /// <summary>Vertical prefix sums of window-row-sums for the last Y + 1 rows: [slot][channel][x], padded.</summary>
        public readonly double[] Ring = new double[(window.Y + 1) * SlotSize(StripColumns(width))];
    }

    private static unsafe void RunBlock(
        float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1,
        bool vector, CoherenceEdgeMode edgeMode, Workspace ws)
    {
        int bx = CoherenceWindow.Before(win.X), ax = CoherenceWindow.After(win.X);
        int by = CoherenceWindow.Before(win.Y), ay = CoherenceWindow.After(win.Y);
        var slots = win.Y + 1;
        var start = Math.Max(0, y0 - by);
        var nodata = false;

        fixed (double* hp = ws.RowPrefix, ring = ws.Ring)
        {
            for (var xs0 = 0; xs0 < w; xs0 += StripWidth)
            {
                var xs1 = Math.Min(w, xs0 + StripWidth);
                var columns = xs1 - xs0;
                var slotSize = SlotSize(columns);
                // Input columns the strip's windows reach; the row prefix starts at in0. Where the
                // raster allows, the range is rounded up to whole scan groups: the few extra prefix
                // values are not used, and no pixel goes through the slow sequential tail.
                int in0 = Math.Max(0, xs0 - bx), in1 = Math.Min(w, xs1 + ax);
                in1 = Math.Min(w, in0 + RoundUp(in1 - in0, CoherenceRowPrefix.ScanWidth));
                var strip = new Strip(xs0, columns, xs0 - in0, in1 - in0 + 1, RingStride(columns), w, bx, ax);

                // The vertical prefix of row start − 1 is zero.
                new Span<double>(ring + Slot(start - 1) * slotSize, slotSize).Clear();
                var last = start - 1;
                var power = default(PowerSoFar); // Σ|s1|², Σ|s2|² of the rows added to this strip's prefixes
                for (var y = y0; y < y1; y++)
                {
                    int hi = Math.Min(h - 1, y + ay), lo = Math.Max(0, y - by);
                    var lowSlot = ring + Slot(lo - 1) * slotSize;
                    var row = output + (long)y * w + xs0;
                    var emitted = false;
                    while (last < hi)
                    {
                        last++;
                        float* rowA = a + 2L * (last * (long)w + in0), rowB = b + 2L * (last * (long)w + in0);
                        double* prev = ring + Slot(last - 1) * slotSize, next = ring + Slot(last) * slotSize;
                        if (last < hi)
                        {
                            nodata |= CoherenceRowPrefix.Compute(rowA, rowB, in1 - in0, hp, vector);
                            AccumulateEdges(hp, prev, next, strip);
                            AccumulateInterior(hp, prev, next, strip, vector);
                            power = power.Add(hp, strip);
                        }
                        else
                        {
                            // Steady state: the row just added is the window's last, so accumulate and emit together.
                            // On AVX-512 and AVX2 the row prefix is fused with this pass too; if that
                            // optimistic pass meets nodata, the row is redone with the masked prefix.
                            if (!(vector && FusedRow(rowA, rowB, in1 - in0, hp, prev, next, lowSlot, row, strip, power, out var from)))
                            {
                                nodata |= CoherenceRowPrefix.Compute(rowA, rowB, in1 - in0, hp, vector);
                                from = strip.InteriorStart;
                            }
                            AccumulateEdges(hp, prev, next, strip);
                            AccumulateInteriorAndEmit(hp, prev, next, lowSlot, row, strip, power, vector, from);
                            power = power.Add(hp, strip);
                            EmitRange(next, lowSlot, row, strip.RingStride, 0, strip.InteriorStart, power);
                            EmitRange(next, lowSlot, row, strip.RingStride, strip.InteriorEnd, columns, power);
                            emitted = true;
                        }
                    }
                    if (!emitted) EmitRow(ring + Slot(hi) * slotSize, lowSlot, row, columns, strip.RingStride, power, vector);
                }
            }
        }

        if (nodata) CoherenceNodataMask.Apply(a, b, output, w, h, win, y0, y1);
        if (edgeMode == CoherenceEdgeMode.NoData)
            for (var y = y0; y < y1; y++) MarkIncompleteWindows(output + (long)y * w, y, w, h, bx, ax, by, ay);

        int Slot(int r) => (r + 1 - start) % slots;
    }

    /// <summary>
    /// Geometry of one strip: output columns [X0, X0 + Columns) of a raster of Width columns; the row
    /// prefix (stride PrefixStride) starts Offset columns before X0; channels of a ring slot are
    /// RingStride apart. Between InteriorStart and
    /// InteriorEnd (local columns) the window is not truncated by the raster edge.
    /// </summary>
    private readonly record struct Strip(int X0, int Columns, int Offset, int PrefixStride, int RingStride, int Width, int Bx, int Ax)
    {
        public int InteriorStart => Math.Clamp(Bx - X0, 0, Columns);

        public int InteriorEnd => Math.Clamp(Width - Ax - X0, InteriorStart, Columns);

        /// <summary>Prefix index one past the window's last column, for local column x (truncated).</summary>
        public int Hi(int x) => Math.Min(Width, X0 + x + Ax + 1) - (X0 - Offset);

        /// <summary>Prefix index of the window's first column, for local column x (truncated).</summary>
        public int Lo(int x) => Math.Max(0, X0 + x - Bx) - (X0 - Offset);
    }

    /// <summary>
    /// Rounding level of the double sums relative to the power they have summed: 32 ulps of 1
    /// (7e-15), well above the few ulps a prefix difference can lose, and far below the share of a
    /// strip's power that any real window holds (a 7 × 2 window in a 128-row block of a 4096-column
    /// strip holds ~2.7e-5 of it on average).
    /// </summary>
    internal const double RoundingLevel = 32.0 / (1L << 52);

    /// <summary>
    /// Σ|s1|² and Σ|s2|² over the rows added so far to one strip's prefixes (they restart with it).
    /// A window sum that does not exceed <see cref="RoundingLevel"/> × this (plus, for the newest row,
    /// its prefix up to the window) is rounding residue, not power.
    /// </summary>
    private readonly record struct PowerSoFar(double A, double B)
    {
        /// <summary>Adds the row whose prefix is in hp: its totals are the prefixes' last values.</summary>
        public unsafe PowerSoFar Add(double* hp, Strip s) =>
            new(A + hp[3 * s.PrefixStride - 1], B + hp[4 * s.PrefixStride - 1]);

        public double FloorA => RoundingLevel * A;

        public double FloorB => RoundingLevel * B;
    }

    /// <summary>next[c][x] = prev[c][x] + (hp[c][Hi(x)] − hp[c][Lo(x)]) where the window is truncated by the raster edge.</summary>
    private static unsafe void AccumulateEdges(double* hp, double* prev, double* next, Strip s)
    {
        int ws = s.Columns, interiorStart = s.InteriorStart, interiorEnd = s.InteriorEnd;
        for (var c = 0; c < Channels; c++)
        {
            double* p = hp + c * s.PrefixStride, pv = prev + c * s.RingStride, nx = next + c * s.RingStride;
            for (var x = 0; x < interiorStart; x++) nx[x] = pv[x] + (p[s.Hi(x)] - p[s.Lo(x)]);
            for (var x = interiorEnd; x < ws; x++) nx[x] = pv[x] + (p[s.Hi(x)] - p[s.Lo(x)]);
        }
    }

    /// <summary>Same as <see cref="AccumulateEdges"/> over the interior columns, where hi = x + Offset + ax + 1 and lo = x + Offset − bx.</summary>
    private static unsafe void AccumulateInterior(double* hp, double* prev, double* next, Strip s, bool vector)
    {
        var interiorEnd = s.InteriorEnd;
        for (var c = 0; c < Channels; c++)
        {
            double* p = hp + c * s.PrefixStride, pv = prev + c * s.RingStride, nx = next + c * s.RingStride;
            double* pHi = p + s.Offset + s.Ax + 1, pLo = p + s.Offset - s.Bx;
            var i = s.InteriorStart;
            if (vector && Vector512.IsHardwareAccelerated)
            {
                for (; i <= interiorEnd - Vector512<double>.Count; i += Vector512<double>.Count)
                    Vector512.Store(Vector512.Load(pv + i) + (Vector512.Load(pHi + i) - Vector512.Load(pLo + i)), nx + i);
            }
            if (vector)
            {
                for (; i <= interiorEnd - Vector<double>.Count; i += Vector<double>.Count)
                    Vector.Store(Vector.Load(pv + i) + (Vector.Load(pHi + i) - Vector.Load(pLo + i)), nx + i);
            }
            for (; i < interiorEnd; i++) nx[i] = pv[i] + (pHi[i] - pLo[i]);
        }
    }

    /// <summary>
    /// The steady-state pass over the interior columns from <paramref name="from"/>: accumulates the newest row into next (as
    /// <see cref="AccumulateInterior"/>) and, while the four sums are in registers, emits the window
    /// ratio next − low (as <see cref="EmitRow"/>), saving a reload of the ring and a loop.
    /// </summary>
    private static unsafe void AccumulateInteriorAndEmit(double* hp, double* prev, double* next, double* low, float* row, Strip s, PowerSoFar power, bool vector, int from)
    {
        int ws = s.RingStride, stride = s.PrefixStride;
        double* pHi = hp + s.Offset + s.Ax + 1, pLo = hp + s.Offset - s.Bx;
        int c1 = stride, c2 = 2 * stride, c3 = 3 * stride; // channel offsets in the row prefix
        int r1 = ws, r2 = 2 * ws, r3 = 3 * ws;             // channel offsets in a ring slot
        var k = new ChannelOffsets(stride, ws);
        int i = from, end = s.InteriorEnd;
        if (vector && Vector512.IsHardwareAccelerated)
        {
            const int n = 8;
            var floors = new Floors512(power);
            for (; i <= end - 2 * n; i += 2 * n)
            {
                var lo8 = Emit8(prev + i, next + i, low + i, pHi + i, pLo + i, k, floors);
                var hi8 = Emit8(prev + i + n, next + i + n, low + i + n, pHi + i + n, pLo + i + n, k, floors);
                Vector512.Store(Vector512.Sqrt(Vector512.Narrow(lo8, hi8)), row + i);
            }
        }
        if (vector)
        {
            var n = Vector<double>.Count;
            var floors = new FloorsVector(power);
            for (; i <= end - 2 * n; i += 2 * n)
            {
                var lo = EmitVector(prev + i, next + i, low + i, pHi + i, pLo + i, k, floors);
                var hi = EmitVector(prev + i + n, next + i + n, low + i + n, pHi + i + n, pLo + i + n, k, floors);
                Vector.Store(Vector.SquareRoot(Vector.Narrow(lo, hi)), row + i);
            }
        }
        for (; i < end; i++)
        {
            var re = (next[i] = prev[i] + (pHi[i] - pLo[i])) - low[i];
            var im = (next[r1 + i] = prev[r1 + i] + (pHi[c1 + i] - pLo[c1 + i])) - low[r1 + i];
            var pa = (next[r2 + i] = prev[r2 + i] + (pHi[c2 + i] - pLo[c2 + i])) - low[r2 + i];
            var pb = (next[r3 + i] = prev[r3 + i] + (pHi[c3 + i] - pLo[c3 + i])) - low[r3 + i];
            row[i] = MathF.Sqrt((float)SquaredRatio(re, im, pa, pb, RoundingLevel * (power.A + pHi[c2 + i]), RoundingLevel * (power.B + pHi[c3 + i])));
        }
    }

    /// <summary>
    /// Window sums = hi-slot − lo-slot; then γ̂² = |Σ s1·s2*|² / (Σ|s1|²·Σ|s2|²) in double, narrowed to
    /// float, and γ̂ = sqrt in float: one double division and one float root per pixel instead of two
    /// double roots and a division (float keeps γ̂ to ~1e-7, far inside the 1e-5 budget).
    /// </summary>
    private static unsafe void EmitRow(double* hiSlot, double* loSlot, float* row, int w, int stride, PowerSoFar power, bool vector)
    {
        double* hRe = hiSlot, hIm = hiSlot + stride, hA = hiSlot + 2 * stride, hB = hiSlot + 3 * stride;
        double* lRe = loSlot, lIm = loSlot + stride, lA = loSlot + 2 * stride, lB = loSlot + 3 * stride;
        var x = 0;
        if (vector && Vector512.IsHardwareAccelerated)
        {
            const int n = 8;
            for (; x <= w - 2 * n; x += 2 * n)
                Vector512.Store(Vector512.Sqrt(Vector512.Narrow(Window512(x), Window512(x + n))), row + x);
        }
        if (vector)
        {
            var n = Vector<double>.Count;
            for (; x <= w - 2 * n; x += 2 * n)
                Vector.Store(Vector.SquareRoot(Vector.Narrow(Window(x), Window(x + n))), row + x);
        }
        EmitRange(hiSlot, loSlot, row, stride, x, w, power);

        Vector512<double> Window512(int i) => SquaredRatio(
            Vector512.Load(hRe + i) - Vector512.Load(lRe + i), Vector512.Load(hIm + i) - Vector512.Load(lIm + i),
            Vector512.Load(hA + i) - Vector512.Load(lA + i), Vector512.Load(hB + i) - Vector512.Load(lB + i),
            Vector512.Create(power.FloorA), Vector512.Create(power.FloorB));

        Vector<double> Window(int i) => SquaredRatio(
            Vector.Load(hRe + i) - Vector.Load(lRe + i), Vector.Load(hIm + i) - Vector.Load(lIm + i),
            Vector.Load(hA + i) - Vector.Load(lA + i), Vector.Load(hB + i) - Vector.Load(lB + i),
            new Vector<double>(power.FloorA), new Vector<double>(power.FloorB));
    }

    /// <summary>Scalar <see cref="EmitRow"/> over local columns [from, to) of slots whose channels are stride apart.</summary>
    private static unsafe void EmitRange(double* hiSlot, double* loSlot, float* row, int stride, int from, int to, PowerSoFar power)
    {
        double* hRe = hiSlot, hIm = hiSlot + stride, hA = hiSlot + 2 * stride, hB = hiSlot + 3 * stride;
        double* lRe = loSlot, lIm = loSlot + stride, lA = loSlot + 2 * stride, lB = loSlot + 3 * stride;
        for (var x = from; x < to; x++)
            row[x] = MathF.Sqrt((float)SquaredRatio(hRe[x] - lRe[x], hIm[x] - lIm[x], hA[x] - lA[x], hB[x] - lB[x], power.FloorA, power.FloorB));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> SquaredRatio(Vector512<double> re, Vector512<double> im, Vector512<double> pa, Vector512<double> pb, Vector512<double> floorA, Vector512<double> floorB)
    {
        var den = pa * pb;
        var q = Vector512.Min((re * re + im * im) / den, Vector512<double>.One);
        var power = Vector512.GreaterThan(den, Vector512<double>.Zero) & Vector512.GreaterThan(pa, floorA) & Vector512.GreaterThan(pb, floorB);
        return Vector512.ConditionalSelect(power, q, Vector512<double>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> SquaredRatio(Vector<double> re, Vector<double> im, Vector<double> pa, Vector<double> pb, Vector<double> floorA, Vector<double> floorB)
    {
        var den = pa * pb;
        var q = Vector.Min((re * re + im * im) / den, Vector<double>.One);
        var power = Vector.GreaterThan(den, Vector<double>.Zero) & Vector.GreaterThan(pa, floorA) & Vector.GreaterThan(pb, floorB);
        return Vector.ConditionalSelect(power, q, Vector<double>.Zero);
    }

    // Same operations, same order as the vector SquaredRatio: the paths agree bit for bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SquaredRatio(double re, double im, double pa, double pb, double floorA, double floorB)
    {
        var den = pa * pb;
        // Cauchy–Schwarz bounds γ̂ by 1; Min removes rounding overshoot. A power at or below the
        // rounding floor is no signal (see the remarks): γ̂ = 0.
        return den > 0 && pa > floorA && pb > floorB ? Math.Min((re * re + im * im) / den, 1.0) : 0.0;
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
