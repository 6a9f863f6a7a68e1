using System.Buffers;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Blanks (NaN) every output pixel whose window holds a nodata sample (METHOD.md §1.2). Run only for
/// the row blocks whose input had one, so clean blocks (most of a scene: nodata sits at swath and
/// burst borders) pay nothing for it and the sums' hot loops carry no count channel.
/// </summary>
/// <remarks>
/// Counts are integers, so horizontal and vertical prefix differences are exact in any order: the
/// same pixels are blanked by the scalar and vector paths and for any thread count. Cost per pixel
/// does not depend on the window. The window is truncated at the raster edge exactly like the sums.
/// </remarks>
internal static class CoherenceNodataMask
{
    public static unsafe void Apply(
        float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1)
    {
        int bx = CoherenceWindow.Before(win.X), ax = CoherenceWindow.After(win.X);
        int by = CoherenceWindow.Before(win.Y), ay = CoherenceWindow.After(win.Y);
        int r0 = Math.Max(0, y0 - by), r1 = Math.Min(h - 1, y1 - 1 + ay);
        var rows = r1 - r0 + 1;
        var columns = Math.Min(w, CoherenceEstimator.StripWidth);
        // counts[(r − r0 + 1) * columns + x]: nodata samples in rows r0 … r of the window columns of x.
        var counts = ArrayPool<int>.Shared.Rent((rows + 1) * columns);
        var prefix = ArrayPool<int>.Shared.Rent(w + 1);
        try
        {
            for (var xs0 = 0; xs0 < w; xs0 += CoherenceEstimator.StripWidth)
            {
                var xs1 = Math.Min(w, xs0 + CoherenceEstimator.StripWidth);
                int in0 = Math.Max(0, xs0 - bx), in1 = Math.Min(w, xs1 + ax);
                Array.Clear(counts, 0, columns);
                for (var r = r0; r <= r1; r++)
                {
                    float* ra = a + 2L * r * w, rb = b + 2L * r * w;
                    prefix[in0] = 0;
                    for (var x = in0; x < in1; x++) prefix[x + 1] = prefix[x] + (CoherenceRowPrefix.IsNoData(ra, rb, x) ? 1 : 0);
                    int above = (r - r0) * columns, here = above + columns;
                    for (var x = xs0; x < xs1; x++)
                        counts[here + x - xs0] = counts[above + x - xs0] + prefix[Math.Min(w, x + ax + 1)] - prefix[Math.Max(0, x - bx)];
                }
                for (var y = y0; y < y1; y++)
                {
                    int hi = (Math.Min(h - 1, y + ay) - r0 + 1) * columns, lo = (Math.Max(0, y - by) - r0) * columns;
                    var row = output + (long)y * w;
                    for (var x = xs0; x < xs1; x++)
                        if (counts[hi + x - xs0] != counts[lo + x - xs0]) row[x] = float.NaN;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prefix);
            ArrayPool<int>.Shared.Return(counts);
        }
    }
}
