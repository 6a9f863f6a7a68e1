using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The AVX-512 kernel for windows of one or two rows and up to 17 columns, the default 7 × 2 among
/// them: rows in order, each input row read once from start to end, so the reads are two
/// sequential streams (the tile kernel's 16-row bands read 32 rows at once, which the hardware
/// prefetcher follows less well), and nothing is transposed.
/// </summary>
/// <remarks>
/// Row y's vertical window sums are V[y] = P[y − 1] + P[y] for Y = 2 (the products of the row above
/// wait in a buffer of one row, 16 bytes a pixel) and 0 + P[y] for Y = 1, 16 columns to a vector.
/// A window's horizontal sum adds its X columns of V left to right, lane shifts of its tile and the
/// two neighbouring tiles (a window reaches at most <see cref="MaxReach"/> columns to either side).
/// That is X − 1 additions per channel where the block sums need two, but in registers, with no
/// transposes and no trips through memory: faster than <see cref="CoherenceTileKernel"/> for every
/// width it serves (bench/README.md), and that kernel, whose cost does not depend on the window,
/// serves all other windows. No subtraction, so the same float accuracy and range guard
/// (<see cref="FloatSumRatio"/>); <see cref="CoherenceRowSumsScalar"/> is the scalar twin (same
/// bits). Columns and rows outside the raster add zeros; a NaN sample makes NaN exactly the windows
/// that hold it.
/// </remarks>
internal static unsafe partial class CoherenceRowKernel
{
    /// <summary>Columns a window may reach before or after its centre: at most one tile of 16.</summary>
    public const int MaxReach = 8;

    private const int Lanes = CoherenceTileKernel.Lanes, Group = 4 * Lanes;

    /// <summary>
    /// How far ahead along the row (floats: 16 tiles, 2 KB of each raster) the samples are
    /// prefetched. The hardware prefetcher alone left the kernel waiting on memory: two threads
    /// 1218–1466 Mpx/s without, 1530–2087 with, alternating (1, 4 and 8 KB ahead and prefetcht2
    /// alike within noise). A line past the row's end is harmless: prefetches do not fault.
    /// </summary>
    private const int PrefetchFloats = 512;

    public static bool Serves(CoherenceWindow win) => win.Y <= 2 && win.X <= 2 * MaxReach + 1;

    /// <summary>Per-thread buffers, 64-byte aligned native memory, for one raster width and window.</summary>
    internal sealed class Workspace : IFloatKernel, IDisposable
    {
        /// <summary>Products of the row above, [tile][channel][lane], one tile past the raster (kept zero).</summary>
        public readonly float* Previous;

        /// <summary>Zeros (samples past the raster; the row above when Y = 1), a sink for Y = 1's unused products, the partial last tile's samples and γ̂.</summary>
        public readonly float* Zeros, Sink, StageA, StageB, Tail;

        private readonly void* memory;
        private readonly delegate*<float*, float*, float*, int, bool, int, int, Workspace, ulong> run;
        private readonly CoherenceWindow window;

        public Workspace(int width, CoherenceWindow win)
        {
            if (!Serves(win)) throw new ArgumentOutOfRangeException(nameof(win), win, "The row kernel serves windows of at most 2 rows and 17 columns.");
            window = win;
            run = ForWidth(win.X);
            var tiles = (width + Lanes - 1) / Lanes;
            long previous = (long)(tiles + 1) * Group;
            var total = previous + 5 * Group;
            memory = NativeMemory.AlignedAlloc((nuint)(total * sizeof(float)), 64);
            new Span<float>(memory, (int)total).Clear();
            var p = (float*)memory;
            Previous = p; p += previous;
            Zeros = p; p += Group;
            Sink = p; p += Group;
            StageA = p; p += Group;
            StageB = p; p += Group;
            Tail = p;
        }

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1)
        {
            if (win != window) throw new ArgumentException($"This workspace is for window {window}, not {win}.", nameof(win));
            return run(a, b, output, w, win.Y == 2, y0, y1, this);
        }

        public void Dispose() => NativeMemory.AlignedFree(memory);
    }

    /// <summary>
    /// Output rows [y0, y1). Returns a bit per band of 16 rows (bit k = rows y0 + 16k …) whose range
    /// guard tripped; those rows hold float results the caller must replace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Run<TBefore, TAfter>(float* a, float* b, float* output, int w, bool pairs, int y0, int y1, Workspace ws)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
    {
        var tiles = (w + Lanes - 1) / Lanes;
        if (pairs)
        {
            // The products of the row above the first (zeros above the raster).
            if (y0 > 0) Terms(a + 2L * (y0 - 1) * w, b + 2L * (y0 - 1) * w, w, ws.Previous, ws);
            else new Span<float>(ws.Previous, tiles * Group).Clear();
        }
        ulong tripped = 0;
        for (var y = y0; y < y1; y++)
            if (!Row<TBefore, TAfter>(a + 2L * y * w, b + 2L * y * w, output + (long)y * w, w, pairs, ws))
                tripped |= 1UL << ((y - y0) / Lanes);
        return tripped;
    }

    /// <summary>γ̂ of one row; false if its range guard tripped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Row<TBefore, TAfter>(float* ra, float* rb, float* output, int w, bool pairs, Workspace ws)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
    {
        int tiles = (w + Lanes - 1) / Lanes, full = w / Lanes;
        if (full < tiles) Stage(ra, rb, w, full, ws);
        // Straight-line body (pointer selects, no branches around vector code, no calls) so the JIT
        // keeps the three tiles in registers: past the raster the samples are zeros, and for Y = 1
        // the row above reads zeros and this row's products go to a sink.
        float* above = pairs ? ws.Previous : ws.Zeros, keep = pairs ? ws.Previous : ws.Sink, zeros = ws.Zeros, tail = ws.Tail;
        int aboveStep = pairs ? Group : 0, keepStep = aboveStep;
        var even = SampleTerms.EvenLanes;
        var odd = even + Vector512<int>.One;
        Vector512<float> l0 = default, l1 = default, l2 = default, l3 = default;
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<uint> bad = default;
        for (var t = 0; t <= tiles; t++)
        {
            // Tile t's vertical window sums (the tile past the raster: zeros).
            float* sa = t < full ? ra + 2 * Lanes * t : t < tiles ? ws.StageA : zeros;
            float* sb = t < full ? rb + 2 * Lanes * t : t < tiles ? ws.StageB : zeros;
            Sse.Prefetch0(sa + PrefetchFloats);
            Sse.Prefetch0(sa + PrefetchFloats + Lanes);
            Sse.Prefetch0(sb + PrefetchFloats);
            Sse.Prefetch0(sb + PrefetchFloats + Lanes);
            SampleTerms.Load16(sa, sb, even, odd, out var n0, out var n1, out var n2, out var n3);
            float* up = above + t * aboveStep, down = keep + t * keepStep;
            var r0 = Vector512.Load(up) + n0;
            var r1 = Vector512.Load(up + Lanes) + n1;
            var r2 = Vector512.Load(up + 2 * Lanes) + n2;
            var r3 = Vector512.Load(up + 3 * Lanes) + n3;
            n0.Store(down); n1.Store(down + Lanes); n2.Store(down + 2 * Lanes); n3.Store(down + 3 * Lanes);
            if (t > 0)
            {
                // Tile t − 1's windows, from it and its neighbours.
                var gamma = FloatSumRatio.Gamma(
                    WindowSum<TBefore, TAfter>(l0, c0, r0), WindowSum<TBefore, TAfter>(l1, c1, r1),
                    WindowSum<TBefore, TAfter>(l2, c2, r2), WindowSum<TBefore, TAfter>(l3, c3, r3), ref bad);
                gamma.Store(t - 1 < full ? output + Lanes * (t - 1) : tail);
            }
            (l0, l1, l2, l3) = (c0, c1, c2, c3);
            (c0, c1, c2, c3) = (r0, r1, r2, r3);
        }
        if (full < tiles) new ReadOnlySpan<float>(tail, w - Lanes * full).CopyTo(new Span<float>(output + Lanes * full, w - Lanes * full));
        return bad == Vector512<uint>.Zero;
    }

    /// <summary>The products of one row into <paramref name="terms"/> ([tile][channel][lane]; zeros past the raster).</summary>
    private static void Terms(float* ra, float* rb, int w, float* terms, Workspace ws)
    {
        int tiles = (w + Lanes - 1) / Lanes, full = w / Lanes;
        if (full < tiles) Stage(ra, rb, w, full, ws);
        var even = SampleTerms.EvenLanes;
        var odd = even + Vector512<int>.One;
        for (var t = 0; t < tiles; t++)
        {
            float* sa = t < full ? ra + 2 * Lanes * t : ws.StageA, sb = t < full ? rb + 2 * Lanes * t : ws.StageB, q = terms + t * Group;
            SampleTerms.Load16(sa, sb, even, odd, out var n0, out var n1, out var n2, out var n3);
            n0.Store(q); n1.Store(q + Lanes); n2.Store(q + 2 * Lanes); n3.Store(q + 3 * Lanes);
        }
    }

    /// <summary>Copies the row's partial last tile (columns 16 × full …) into zero-padded samples.</summary>
    private static void Stage(float* ra, float* rb, int w, int full, Workspace ws)
    {
        var n = 2 * (w - Lanes * full);
        new Span<float>(ws.StageA, 2 * Lanes).Clear();
        new Span<float>(ws.StageB, 2 * Lanes).Clear();
        new ReadOnlySpan<float>(ra + 2 * Lanes * full, n).CopyTo(new Span<float>(ws.StageA, n));
        new ReadOnlySpan<float>(rb + 2 * Lanes * full, n).CopyTo(new Span<float>(ws.StageB, n));
    }
}
