using System.Runtime.CompilerServices;
namespace MineFunctions.Core.Coherence;

/// <summary>
/// Scalar twin of <see cref="CoherenceTileKernel"/> (windows the row kernel does not serve): the same block sums with the same operations in
/// the same order, column by column for the vertical sums and row by row for the horizontal ones,
/// so it gives the same bits (the tests compare them) and trips the range guard in the same bands.
/// </summary>
internal static unsafe class CoherenceBlockSumsScalar
{
    private const int Channels = 4, Lanes = CoherenceTileKernel.Lanes;

    /// <summary>Per-thread buffers: per-column vertical state, one band of vertical sums, the suffixes of a block.</summary>
    internal sealed class Workspace(int width, CoherenceWindow win) : IFloatKernel
    {
        /// <summary>Per column: running prefix [c], previous block's suffixes [o][c], current block's products [o][c].</summary>
        public readonly float[] State = new float[width * (1 + 2 * win.Y) * Channels];

        /// <summary>Vertical window sums of a band: [y − yb][u][c].</summary>
        public readonly float[] Band = new float[Lanes * width * Channels];

        public readonly float[] ShPrev = new float[win.X * Channels], ShCur = new float[win.X * Channels];

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow window, int y0, int y1) =>
            CoherenceBlockSumsScalar.RunUnit(a, b, output, w, h, window, y0, y1, this);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1, Workspace ws)
    {
        int wy = win.Y, by = CoherenceWindow.Before(wy);
        var rStart = CoherenceTileKernel.FloorDiv(y0 - by, wy) * wy;
        Array.Clear(ws.State);
        ulong tripped = 0;
        var band = 0;
        for (var yb = y0; yb < y1; yb += Lanes, band++)
        {
            var ye = Math.Min(y1, yb + Lanes);
            var rFrom = yb == y0 ? rStart : yb + CoherenceWindow.After(wy) + 1;
            for (var u = 0; u < w; u++) Vertical(a, b, w, h, wy, yb, ye, rFrom, u, ws);
            var bad = false;
            for (var y = yb; y < ye; y++) Horizontal(ws, w, win.X, y - yb, output + (long)y * w, ref bad);
            if (bad) tripped |= 1UL << band;
        }
        return tripped;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vertical(float* a, float* b, int w, int h, int wy, int yb, int ye, int rFrom, int u, Workspace ws)
    {
        int by = CoherenceWindow.Before(wy), rTo = ye + CoherenceWindow.After(wy);
        var stride = (1 + 2 * wy) * Channels;
        fixed (float* state0 = ws.State, band = ws.Band)
        {
            var p = state0 + u * stride;
            float* suffix = p + Channels, products = suffix + wy * Channels;
            var o = rFrom - CoherenceTileKernel.FloorDiv(rFrom, wy) * wy;
            for (var r = rFrom; r <= rTo; r++)
            {
                if (o == 0) p[0] = p[1] = p[2] = p[3] = 0f;
                var y = r - wy + by;
                if (y >= yb)
                {
                    float* s = suffix + o * Channels, v = band + ((y - yb) * w + u) * Channels;
                    for (var c = 0; c < Channels; c++) v[c] = s[c] + p[c];
                }
                var here = products + o * Channels;
                Products(a, b, w, h, r, u, here);
                for (var c = 0; c < Channels; c++) p[c] += here[c];
                if (++o == wy)
                {
                    o = 0;
                    for (var c = 0; c < Channels; c++)
                    {
                        var sum = 0f;
                        for (var k = wy - 1; k >= 0; k--) suffix[k * Channels + c] = sum += products[k * Channels + c];
                    }
                }
            }
        }
    }

    /// <summary>Re and Im of s1·conj(s2), |s1|², |s2|² of sample (r, u); zeros outside the raster.</summary>
    private static void Products(float* a, float* b, int w, int h, int r, int u, float* terms)
    {
        if ((uint)r >= (uint)h)
        {
            terms[0] = terms[1] = terms[2] = terms[3] = 0f;
            return;
        }
        SampleTerms.Scalar(a, b, (long)r * w + u, terms);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Horizontal(Workspace ws, int w, int wx, int row, float* output, ref bool bad)
    {
        var bx = CoherenceWindow.Before(wx);
        int k0 = CoherenceTileKernel.FloorDiv(-bx, wx), kEnd = CoherenceTileKernel.FloorDiv(w - 1 - bx, wx) + 1;
        var shPrev = ws.ShPrev;
        var shCur = ws.ShCur;
        Span<float> p = stackalloc float[Channels];
        Span<float> s = stackalloc float[Channels];
        for (var kb = k0; kb <= kEnd; kb++)
        {
            var ub = kb * wx;
            var x0 = ub - wx + bx;
            int from = Math.Clamp(-x0, 0, wx), to = Math.Clamp(w - x0, 0, wx);
            p.Clear();
            for (var o = 0; o < to; o++)
            {
                if (o >= from)
                {
                    var k = o * Channels;
                    output[x0 + o] = FloatSumRatio.Gamma(shPrev[k] + p[0], shPrev[k + 1] + p[1], shPrev[k + 2] + p[2], shPrev[k + 3] + p[3], ref bad);
                }
                for (var c = 0; c < Channels; c++) p[c] += Column(ws, w, row, ub + o, c);
            }
            s.Clear();
            for (var o = wx - 1; o >= 0; o--)
                for (var c = 0; c < Channels; c++) shCur[o * Channels + c] = s[c] += Column(ws, w, row, ub + o, c);
            (shPrev, shCur) = (shCur, shPrev);
        }
    }

    /// <summary>Vertical window sum of channel c at column u of the band row; 0 outside the raster.</summary>
    private static float Column(Workspace ws, int w, int row, int u, int c) =>
        (uint)u < (uint)w ? ws.Band[(row * w + u) * Channels + c] : 0f;
}
