using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

internal static unsafe partial class CoherenceTileKernel
{
    /// <summary>
    /// How far ahead (floats: 4 tiles) the 16 output rows of a band are prefetched before a tile is
    /// stored. Each tile writes 64 bytes into each of 16 rows; without the prefetch every one of those
    /// stores waits for its line (writing the output cost ~20 % of the kernel; with it, one thread
    /// 657–690 against 608–651 Mpx/s, two 1192–1210 against 1056–1138, alternating; 32–128 alike).
    /// </summary>
    private const int OutputPrefetchFloats = 64;

    /// <summary>
    /// Horizontal block sums of one band, lanes = the band's 16 rows: column u's vertical window sums
    /// sit in the ring (written by the transposes). Block k's forward pass takes the prefix of block k
    /// and, at each offset, adds it to the stored suffix of block k − 1 to give the window that starts
    /// there; its backward pass then stores block k's suffixes for block k + 1.
    /// </summary>
    private struct Horizontal(Workspace ws, int wx, int bx, int w, int kFirst, int kEnd)
    {
        private readonly float* ring = ws.Ring, outRing = ws.Out, tile = ws.Tile;
        private readonly int mask = ws.RingMask; // the output ring has as many columns as the input ring
        private float* shPrev = ws.ShPrev, shCur = ws.ShCur;
        private int kb = kFirst, stored;
        private Vector512<uint> bad;

        public readonly bool Tripped => bad != Vector512<uint>.Zero;

        /// <summary>
        /// Runs every block up to kEnd whose columns are all below <paramref name="ready"/>, then
        /// transposes each completed group of 16 output columns back into the band's rows.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Advance(int ready, float* output, int yb, int ye)
        {
            while (kb <= kEnd && (kb + 1) * wx <= ready)
            {
                var emitted = Block();
                for (; stored + Lanes <= emitted; stored += Lanes) Store(stored, Lanes, output, yb, ye);
                kb++;
            }
        }

        /// <summary>
        /// Block kb: the windows starting in block kb − 1 (γ̂ into the output ring), then kb's suffixes.
        /// Returns the output column up to which γ̂ has been emitted. No calls in the loops, so the
        /// sums stay in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Block()
        {
            var ub = kb * wx;
            var x0 = ub - wx + bx; // output column whose window starts at offset 0 of block kb − 1
            int from = Math.Clamp(-x0, 0, wx), to = Math.Clamp(w - x0, 0, wx);
            float* column = ring, results = outRing, previous = shPrev, current = shCur;
            var m = mask;
            var flags = bad;
            Vector512<float> p0 = default, p1 = default, p2 = default, p3 = default;
            for (var o = 0; o < to; o++)
            {
                var t = column + ((ub + o) & m) * Group;
                if (o >= from)
                {
                    var s = previous + o * Group;
                    var gamma = FloatSumRatio.Gamma(
                        Vector512.Load(s) + p0, Vector512.Load(s + Vec) + p1,
                        Vector512.Load(s + 2 * Vec) + p2, Vector512.Load(s + 3 * Vec) + p3, ref flags);
                    gamma.Store(results + ((x0 + o) & m) * Vec);
                }
                p0 += Vector512.Load(t); p1 += Vector512.Load(t + Vec); p2 += Vector512.Load(t + 2 * Vec); p3 += Vector512.Load(t + 3 * Vec);
            }
            bad = flags;

            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var o = wx - 1; o >= 0; o--)
            {
                float* t = column + ((ub + o) & m) * Group, s = current + o * Group;
                (s0 += Vector512.Load(t)).Store(s);
                (s1 += Vector512.Load(t + Vec)).Store(s + Vec);
                (s2 += Vector512.Load(t + 2 * Vec)).Store(s + 2 * Vec);
                (s3 += Vector512.Load(t + 3 * Vec)).Store(s + 3 * Vec);
            }
            shPrev = current;
            shCur = previous;
            return Math.Max(x0 + to, 0);
        }

        /// <summary>Writes the last, partial group of columns of the band (raster width not a multiple of 16).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Flush(float* output, int yb, int ye)
        {
            if (stored < w) Store(stored, w - stored, output, yb, ye);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Store(int x0, int columns, float* output, int yb, int ye)
        {
            var src = outRing + (x0 & mask) * Vec;
            if (columns == Lanes && ye - yb == Lanes)
            {
                var rows = output + (long)yb * w + x0;
                // The 16 rows' lines a few tiles ahead, so their stores find them in cache
                // (a line past the row's end is harmless: prefetches do not fault).
                var ahead = rows + OutputPrefetchFloats;
                for (var i = 0; i < Lanes; i++, ahead += w)
                {
                    Sse.Prefetch0(ahead);
                    Sse.Prefetch0(ahead + Lanes - 1);
                }
                Transpose16.Run(src, Vec, rows, w);
                return;
            }
            Transpose16.Run(src, Vec, tile, Vec);
            for (var y = yb; y < ye; y++)
                new ReadOnlySpan<float>(tile + (y - yb) * Vec, columns).CopyTo(new Span<float>(output + (long)y * w + x0, columns));
        }
    }
}
