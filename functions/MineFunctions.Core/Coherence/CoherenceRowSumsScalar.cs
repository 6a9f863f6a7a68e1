using System.Runtime.CompilerServices;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Scalar twin of <see cref="CoherenceRowKernel"/>: the same sums with the same operations in the
/// same order (vertical: row above + this row, 0 + this row for Y = 1, block suffix + running
/// prefix for Y ≥ 3; window columns added left to right), so it gives the same bits (the tests
/// compare them) and trips the range guard in the same bands.
/// </summary>
internal static unsafe class CoherenceRowSumsScalar
{
    private const int Channels = 4, Reach = CoherenceRowKernel.MaxReach, Lanes = CoherenceTileKernel.Lanes;

    /// <summary>Per-thread buffers: per-column vertical state ([u][c] rows), and one row of vertical sums with zero margins.</summary>
    internal sealed class Workspace(int width, CoherenceWindow win) : IFloatKernel
    {
        /// <summary>Y ≤ 2: the products of the row above (zeros for Y = 1). Y ≥ 3: the running prefix.</summary>
        public readonly float[] Previous = new float[width * Channels];

        /// <summary>Y ≥ 3: the previous block's suffixes and the current block's products, [offset][u][c].</summary>
        public readonly float[] Suffix = new float[BlockFloats(width, win)], Products = new float[BlockFloats(width, win)];

        /// <summary>[Reach + u][c]: columns outside the raster stay 0.</summary>
        public readonly float[] Sums = new float[(width + 2 * Reach) * Channels];

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow window, int y0, int y1)
        {
            if (window != win || !CoherenceRowKernel.Serves(win)) throw new ArgumentException($"This workspace is for window {win}, not {window}.", nameof(window));
            return win.Y > 2 ? RunBlocks(a, b, output, w, h, win, y0, y1, this) : RunPairs(a, b, output, w, win, y0, y1, this);
        }

        private static int BlockFloats(int width, CoherenceWindow win) => win.Y > 2 ? win.Y * width * Channels : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong RunPairs(float* a, float* b, float* output, int w, CoherenceWindow win, int y0, int y1, Workspace ws)
    {
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
                if (!Horizontal(sums, output + (long)y * w, w, win.X)) tripped |= 1UL << ((y - y0) / Lanes);
            }
            return tripped;
        }
    }

    /// <summary>Y ≥ 3: the block sums of the row kernel's RunBlocks, column by column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong RunBlocks(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1, Workspace ws)
    {
        int wy = win.Y, by = CoherenceWindow.Before(wy);
        int rStart = CoherenceTileKernel.FloorDiv(y0 - by, wy) * wy, rEnd = y1 - 1 - by + wy;
        var rowFloats = w * Channels;
        var terms = stackalloc float[Channels];
        fixed (float* prefix = ws.Previous, suffix = ws.Suffix, products = ws.Products, sums = ws.Sums)
        {
            new Span<float>(prefix, rowFloats).Clear();
            ulong tripped = 0;
            for (var r = rStart; r <= rEnd; r++)
            {
                var o = (r - rStart) % wy;
                var y = r - wy + by;
                for (var u = 0; u < w; u++)
                {
                    if ((uint)r < (uint)h) SampleTerms.Scalar(a, b, (long)r * w + u, terms);
                    else terms[0] = terms[1] = terms[2] = terms[3] = 0f;
                    float* p = prefix + u * Channels, s = suffix + o * rowFloats + u * Channels, k = products + o * rowFloats + u * Channels;
                    float* v = sums + (Reach + u) * Channels;
                    for (var c = 0; c < Channels; c++)
                    {
                        v[c] = s[c] + p[c];
                        p[c] += terms[c];
                        k[c] = terms[c];
                    }
                }
                if (y >= y0 && !Horizontal(sums, output + (long)y * w, w, win.X)) tripped |= 1UL << ((y - y0) / Lanes);
                if (o == wy - 1)
                {
                    for (var i = 0; i < rowFloats; i++)
                    {
                        var sum = 0f;
                        for (var j = wy - 1; j >= 0; j--) suffix[j * rowFloats + i] = sum += products[j * rowFloats + i];
                    }
                    new Span<float>(prefix, rowFloats).Clear();
                }
            }
            return tripped;
        }
    }

    /// <summary>γ̂ of one row from its vertical sums: window columns added left to right; false if the range guard tripped.</summary>
    private static bool Horizontal(float* sums, float* row, int w, int wx)
    {
        int before = CoherenceWindow.Before(wx), after = CoherenceWindow.After(wx);
        var bad = false;
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
        return !bad;
    }
}
