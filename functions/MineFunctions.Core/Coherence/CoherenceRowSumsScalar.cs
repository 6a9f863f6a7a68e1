using System.Runtime.CompilerServices;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Scalar twin of <see cref="CoherenceRowKernel"/>: the same sums with the same operations in the
/// same order (V = row above + this row, or 0 + this row for Y = 1; window columns added left to
/// right), so it gives the same bits (the tests compare them) and trips the range guard in the
/// same bands.
/// </summary>
internal static unsafe class CoherenceRowSumsScalar
{
    private const int Channels = 4, Reach = CoherenceRowKernel.MaxReach;

    /// <summary>Per-thread buffers: the products of the row above, and one row of vertical sums with zero margins.</summary>
    internal sealed class Workspace(int width, CoherenceWindow win) : IFloatKernel
    {
        /// <summary>[u][c], zeros for Y = 1.</summary>
        public readonly float[] Previous = new float[width * Channels];

        /// <summary>[Reach + u][c]: columns outside the raster stay 0.</summary>
        public readonly float[] Sums = new float[(width + 2 * Reach) * Channels];

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow window, int y0, int y1)
        {
            if (window != win || !CoherenceRowKernel.Serves(win)) throw new ArgumentException($"This workspace is for window {win}, not {window}.", nameof(window));
            return Run(a, b, output, w, window, y0, y1, this);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Run(float* a, float* b, float* output, int w, CoherenceWindow win, int y0, int y1, Workspace ws)
    {
        int before = CoherenceWindow.Before(win.X), after = CoherenceWindow.After(win.X);
        var pairs = win.Y == 2;
        var terms = stackalloc float[Channels];
        fixed (float* previous = ws.Previous, sums = ws.Sums)
        {
            new Span<float>(previous, w * Channels).Clear();
            if (pairs && y0 > 0)
                for (var u = 0; u < w; u++) SampleTerms.Scalar(a, b, (long)(y0 - 1) * w + u, previous + u * Channels);
            ulong tripped = 0;
            for (var y = y0; y < y1; y++)
            {
                for (var u = 0; u < w; u++)
                {
                    SampleTerms.Scalar(a, b, (long)y * w + u, terms);
                    float* up = previous + u * Channels, v = sums + (Reach + u) * Channels;
                    for (var c = 0; c < Channels; c++)
                    {
                        v[c] = up[c] + terms[c];
                        if (pairs) up[c] = terms[c];
                    }
                }
                var bad = false;
                var row = output + (long)y * w;
                for (var x = 0; x < w; x++)
                {
                    float* first = sums + (Reach + x - before) * Channels;
                    float s0 = first[0], s1 = first[1], s2 = first[2], s3 = first[3];
                    for (var k = 1; k <= before + after; k++)
                    {
                        var v = first + k * Channels;
                        s0 += v[0]; s1 += v[1]; s2 += v[2]; s3 += v[3];
                    }
                    row[x] = FloatSumRatio.Gamma(s0, s1, s2, s3, ref bad);
                }
                if (bad) tripped |= 1UL << ((y - y0) / CoherenceTileKernel.Lanes);
            }
            return tripped;
        }
    }
}
