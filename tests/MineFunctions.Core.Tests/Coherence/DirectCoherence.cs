using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests.Coherence;

/// <summary>The textbook estimator, pixel by pixel in double, window truncated at the edges: the oracle for the fast kernel.</summary>
internal static class DirectCoherence
{
    public static double[] Estimate(float[] a, float[] b, int w, int h, CoherenceWindow win)
    {
        var result = new double[w * h];
        int bx = win.X / 2, ax = win.X - 1 - win.X / 2, by = win.Y / 2, ay = win.Y - 1 - win.Y / 2;
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            double re = 0, im = 0, pa = 0, pb = 0;
            var nodata = false;
            for (var yy = Math.Max(0, y - by); yy <= Math.Min(h - 1, y + ay); yy++)
            for (var xx = Math.Max(0, x - bx); xx <= Math.Min(w - 1, x + ax); xx++)
            {
                var i = 2 * (yy * w + xx);
                double ar = a[i], ai = a[i + 1], br = b[i], bi = b[i + 1];
                if (!double.IsFinite(ar) || !double.IsFinite(ai) || !double.IsFinite(br) || !double.IsFinite(bi)) { nodata = true; continue; }
                re += ar * br + ai * bi;
                im += ai * br - ar * bi;
                pa += ar * ar + ai * ai;
                pb += br * br + bi * bi;
            }
            var den = Math.Sqrt(pa * pb);
            result[y * w + x] = nodata ? double.NaN : den > 0 ? Math.Sqrt(re * re + im * im) / den : 0;
        }
        return result;
    }
}
