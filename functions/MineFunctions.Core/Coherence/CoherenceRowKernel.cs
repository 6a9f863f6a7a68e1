using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The AVX-512 kernel for windows of up to 17 columns, the default 7 × 2 among them: rows in
/// order, each input row read once from start to end, so the reads are two sequential streams
/// (prefetched 2 KB ahead; the tile kernel's 16-row bands read 32 rows at once), and nothing is
/// transposed.
/// </summary>
/// <remarks>
/// Row y's vertical window sums, 16 columns to a vector: V[y] = P[y − 1] + P[y] for Y = 2 (the
/// products of the row above wait in a buffer of one row, 16 bytes a pixel), 0 + P[y] for Y = 1,
/// and for Y ≥ 3 van Herk / Gil-Werman block sums down the columns kept a row at a time
/// (<see cref="RunBlocks{TBefore, TAfter}"/>; 2Y + 1 rows of sums). A window's horizontal sum adds its X columns of V left to right, lane shifts of its tile and the
/// two neighbouring tiles (a window reaches at most <see cref="MaxReach"/> columns to either side).
/// That is X − 1 additions per channel where the block sums need two, but in registers, with no
/// transposes and no trips through memory: faster than <see cref="CoherenceTileKernel"/> for every
/// window measured that it serves (bench/README.md), and that kernel, whose operations do not depend
/// on the window, serves the wider ones. No subtraction, so the same float accuracy and range guard
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
    /// 1218–1466 Mpx/s without, 1530–2140 with, alternating (1, 4 and 8 KB ahead and prefetcht2
    /// alike within noise). A line past the row's end is harmless: prefetches do not fault.
    /// </summary>
    private const int PrefetchFloats = 512;

    public static bool Serves(CoherenceWindow win) => win.X <= 2 * MaxReach + 1;

    /// <summary>Per-thread buffers, 64-byte aligned native memory, for one raster width and window.</summary>
    internal sealed class Workspace : IFloatKernel, IDisposable
    {
        /// <summary>Products of the row above, [tile][channel][lane], one tile past the raster (kept zero).</summary>
        public readonly float* Previous;

        /// <summary>Zeros (samples past the raster; the row above when Y = 1), a sink for Y = 1's unused products, the partial last tile's samples and γ̂.</summary>
        public readonly float* Zeros, Sink, StageA, StageB, Tail;

        /// <summary>
        /// Y ≥ 3 (block sums, <see cref="RunBlocks"/>): the running prefix of the current block, the
        /// previous block's suffixes and the current block's products ([offset][tile][channel][lane]),
        /// and a row of zero samples (rows outside the raster).
        /// </summary>
        public readonly float* Prefix, Suffix, Products, ZeroRow;

        /// <summary>Takes the γ̂ of warm-up rows (read only to fill the sums before a unit's first output row).</summary>
        public readonly float* SinkRow;

        /// <summary>Floats of one row of per-tile sums, the tile past the raster included.</summary>
        public readonly long RowFloats;

        private readonly AlignedFloats memory;
        private readonly delegate*<float*, float*, float*, int, int, int, int, int, Workspace, ulong> run;
        private readonly CoherenceWindow window;

        public Workspace(int width, CoherenceWindow win)
        {
            if (!Serves(win)) throw new ArgumentOutOfRangeException(nameof(win), win, $"The row kernel serves windows of at most {2 * MaxReach + 1} columns.");
            window = win;
            run = ForWidth(win.X);
            var tiles = (width + Lanes - 1) / Lanes;
            RowFloats = (long)(tiles + 1) * Group;
            var blocks = win.Y > 2;
            long blockRows = blocks ? 1 + 2L * win.Y : 0, row = (long)(tiles + 1) * Lanes;
            // Zeroed: warm-up rows read the suffixes before the first block writes them.
            memory = new AlignedFloats(RowFloats + 5 * Group + blockRows * RowFloats + (blocks ? 2 * row : 0) + row);
            Previous = memory.Take(RowFloats);
            Zeros = memory.Take(Group);
            Sink = memory.Take(Group);
            StageA = memory.Take(Group);
            StageB = memory.Take(Group);
            Tail = memory.Take(Group);
            Prefix = memory.Take(blocks ? RowFloats : 0);
            Suffix = memory.Take(blocks ? win.Y * RowFloats : 0);
            Products = memory.Take(blocks ? win.Y * RowFloats : 0);
            ZeroRow = memory.Take(blocks ? 2 * row : 0);
            SinkRow = memory.Take(row);
        }

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1)
        {
            if (win != window) throw new ArgumentException($"This workspace is for window {window}, not {win}.", nameof(win));
            return run(a, b, output, w, h, win.Y, y0, y1, this);
        }

        public void Dispose() => memory.Dispose();
    }

    /// <summary>
    /// Output rows [y0, y1). Returns a bit per band of 16 rows (bit k = rows y0 + 16k …) whose range
    /// guard tripped; those rows hold float results the caller must replace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Run<TBefore, TAfter>(float* a, float* b, float* output, int w, int h, int wy, int y0, int y1, Workspace ws)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
    {
        if (wy > 2) return RunBlocks<TBefore, TAfter>(a, b, output, w, h, wy, y0, y1, ws);
        var pairs = wy == 2;
        if (pairs)
        {
            // The products of the row above the first (zeros above the raster), kept by a warm-up
            // pass over that row whose γ̂ goes to the sink row, as RunBlocks' warm-up rows do.
            new Span<float>(ws.Previous, (int)ws.RowFloats).Clear();
            if (y0 > 0)
                Row<TBefore, TAfter, PairSums>(a + 2L * (y0 - 1) * w, b + 2L * (y0 - 1) * w, ws.SinkRow, w, new PairSums(ws.Zeros, 0, ws.Previous, Group), ws);
        }
        ulong tripped = 0;
        // Y = 1: the row above reads zeros and this row's products go to a sink.
        var sums = pairs ? new PairSums(ws.Previous, Group, ws.Previous, Group) : new PairSums(ws.Zeros, 0, ws.Sink, 0);
        for (var y = y0; y < y1; y++)
            if (!Row<TBefore, TAfter, PairSums>(a + 2L * y * w, b + 2L * y * w, output + (long)y * w, w, sums, ws))
                tripped |= 1UL << ((y - y0) / Lanes);
        return tripped;
    }

    /// <summary>
    /// γ̂ of one output row from the vertical sums <paramref name="sums"/> gives as the row at ra, rb
    /// goes in; false if its range guard tripped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Row<TBefore, TAfter, TSums>(float* ra, float* rb, float* output, int w, TSums sums, Workspace ws)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
        where TSums : struct, IVerticalSums
    {
        int tiles = (w + Lanes - 1) / Lanes, full = w / Lanes;
        if (full < tiles) Stage(ra, rb, w, full, ws);
        // Straight-line body (pointer selects, no branches around vector code, no calls) so the JIT
        // keeps the three tiles in registers: past the raster the samples are zeros.
        float* zeros = ws.Zeros, tail = ws.Tail;
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
            sums.Next(t, n0, n1, n2, n3, out var r0, out var r1, out var r2, out var r3);
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

    /// <summary>How a row's products become the vertical window sums of an output row, tile by tile (inlined into <see cref="Row"/>).</summary>
    private interface IVerticalSums
    {
        /// <summary>The sums of tile t (4 channels × 16 lanes) from this row's products n0 … n3.</summary>
        void Next(int t, Vector512<float> n0, Vector512<float> n1, Vector512<float> n2, Vector512<float> n3,
            out Vector512<float> r0, out Vector512<float> r1, out Vector512<float> r2, out Vector512<float> r3);
    }

    /// <summary>Y ≤ 2: V = (the row above's products) + (this row's), which then wait for the next row.</summary>
    private readonly struct PairSums(float* above, int aboveStep, float* keep, int keepStep) : IVerticalSums
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Next(int t, Vector512<float> n0, Vector512<float> n1, Vector512<float> n2, Vector512<float> n3,
            out Vector512<float> r0, out Vector512<float> r1, out Vector512<float> r2, out Vector512<float> r3)
        {
            // Step 0: every tile reads the same zeros (Y = 1, or the warm-up row) or writes the same sink (Y = 1).
            float* up = above + t * aboveStep, down = keep + t * keepStep;
            r0 = Vector512.Load(up) + n0;
            r1 = Vector512.Load(up + Lanes) + n1;
            r2 = Vector512.Load(up + 2 * Lanes) + n2;
            r3 = Vector512.Load(up + 3 * Lanes) + n3;
            n0.Store(down); n1.Store(down + Lanes); n2.Store(down + 2 * Lanes); n3.Store(down + 3 * Lanes);
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
