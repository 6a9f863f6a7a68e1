using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MineFunctions.Core.Coherence;

internal static unsafe partial class CoherenceRowKernel
{
    /// <summary>
    /// Windows of 3 rows or more: the vertical sums are van Herk / Gil-Werman block sums down each
    /// column (blocks of Y rows aligned to raster row 0, as in <see cref="CoherenceTileKernel"/>), kept
    /// a row at a time: the window of row y starts at row j = y − by, and its sum S[j] + P[j + Y] is
    /// taken at row r = j + Y, whose block offset is j's, just before r's products join the running
    /// prefix. Rows stream from the start of the block that holds the first window's first row;
    /// those before the first window's last row only fill the sums (their γ̂ goes to a sink row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong RunBlocks<TBefore, TAfter>(float* a, float* b, float* output, int w, int h, int wy, int y0, int y1, Workspace ws)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
    {
        var by = CoherenceWindow.Before(wy);
        int rStart = CoherenceTileKernel.FloorDiv(y0 - by, wy) * wy, rEnd = y1 - 1 - by + wy;
        new Span<float>(ws.Prefix, (int)ws.RowFloats).Clear(); // rStart begins a block
        ulong tripped = 0;
        for (var r = rStart; r <= rEnd; r++)
        {
            var o = r - rStart;
            o -= o / wy * wy;
            var y = r - wy + by;
            var inside = (uint)r < (uint)h;
            float* ra = inside ? a + 2L * r * w : ws.ZeroRow, rb = inside ? b + 2L * r * w : ws.ZeroRow;
            var sums = new BlockSums(ws.Prefix, ws.Suffix + o * ws.RowFloats, ws.Products + o * ws.RowFloats);
            var ok = Row<TBefore, TAfter, BlockSums>(ra, rb, y >= y0 ? output + (long)y * w : ws.SinkRow, w, sums, ws);
            if (!ok && y >= y0) tripped |= 1UL << ((y - y0) / Lanes);
            if (o == wy - 1) Suffixes(ws, wy);
        }
        return tripped;
    }

    /// <summary>
    /// Y ≥ 3, row r at block offset o: V = S[o] (the previous block's suffix) + the running prefix,
    /// then r's products join the prefix and are kept for the block's suffixes.
    /// </summary>
    private readonly struct BlockSums(float* prefix, float* suffix, float* products) : IVerticalSums
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Next(int t, Vector512<float> n0, Vector512<float> n1, Vector512<float> n2, Vector512<float> n3,
            out Vector512<float> r0, out Vector512<float> r1, out Vector512<float> r2, out Vector512<float> r3)
        {
            float* p = prefix + t * Group, s = suffix + t * Group, k = products + t * Group;
            Vector512<float> p0 = Vector512.Load(p), p1 = Vector512.Load(p + Lanes), p2 = Vector512.Load(p + 2 * Lanes), p3 = Vector512.Load(p + 3 * Lanes);
            r0 = Vector512.Load(s) + p0;
            r1 = Vector512.Load(s + Lanes) + p1;
            r2 = Vector512.Load(s + 2 * Lanes) + p2;
            r3 = Vector512.Load(s + 3 * Lanes) + p3;
            (p0 + n0).Store(p); (p1 + n1).Store(p + Lanes); (p2 + n2).Store(p + 2 * Lanes); (p3 + n3).Store(p + 3 * Lanes);
            n0.Store(k); n1.Store(k + Lanes); n2.Store(k + 2 * Lanes); n3.Store(k + 3 * Lanes);
        }
    }

    /// <summary>The block is complete: its suffix sums, last row first, for the next block's windows; the prefix restarts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Suffixes(Workspace ws, int wy)
    {
        var stride = ws.RowFloats;
        for (long i = 0; i < stride; i += Lanes)
        {
            var s = Vector512<float>.Zero;
            for (var k = wy - 1; k >= 0; k--)
            {
                s += Vector512.Load(ws.Products + k * stride + i);
                s.Store(ws.Suffix + k * stride + i);
            }
        }
        new Span<float>(ws.Prefix, (int)stride).Clear();
    }
}
