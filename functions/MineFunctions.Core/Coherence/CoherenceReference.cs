namespace MineFunctions.Core.Coherence;

/// <summary>
/// The textbook estimator (METHOD.md §1.2), pixel by pixel in double, window truncated at the raster
/// edges: γ̂ = |Σ s1·conj(s2)| / sqrt(Σ|s1|² · Σ|s2|²), 0 where the denominator is 0, NaN where any
/// sample in the window is nodata (NaN or ±Inf in re or im of either raster).
/// </summary>
/// <remarks>
/// The oracle the tests hold <see cref="CoherenceEstimator"/> to, and the kernel's fallback for the
/// rare window whose float sums leave float's safe range (<see cref="CoherenceKernel{TVec, TSimd, TBefore, TAfter}"/>). Double
/// holds the square of any float and sums of them without overflow or underflow, so it needs no
/// range guard of its own. Cost X × Y per pixel: not for whole rasters in production.
/// </remarks>
public static class CoherenceReference
{
    /// <summary>Whole raster, same layout as <see cref="CoherenceEstimator.Estimate"/>, always truncating the window at the edges.</summary>
    public static double[] Estimate(ReadOnlySpan<float> reference, ReadOnlySpan<float> secondary, int width, int height, CoherenceWindow window)
    {
        var result = new double[width * height];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            result[y * width + x] = Pixel(reference, secondary, width, height, window, x, y);
        return result;
    }

    /// <summary>γ̂ of pixel (x, y).</summary>
    public static double Pixel(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int w, int h, CoherenceWindow win, int x, int y)
    {
        double re = 0, im = 0, pa = 0, pb = 0;
        var y1 = Math.Min(h - 1, y + CoherenceWindow.After(win.Y));
        var x1 = Math.Min(w - 1, x + CoherenceWindow.After(win.X));
        for (var yy = Math.Max(0, y - CoherenceWindow.Before(win.Y)); yy <= y1; yy++)
        for (var xx = Math.Max(0, x - CoherenceWindow.Before(win.X)); xx <= x1; xx++)
        {
            var i = 2 * (yy * w + xx);
            double ar = a[i], ai = a[i + 1], br = b[i], bi = b[i + 1];
            if (!double.IsFinite(ar) || !double.IsFinite(ai) || !double.IsFinite(br) || !double.IsFinite(bi)) return double.NaN;
            re += ar * br + ai * bi;
            im += ai * br - ar * bi;
            pa += ar * ar + ai * ai;
            pb += br * br + bi * bi;
        }
        var den = Math.Sqrt(pa * pb);
        // Cauchy–Schwarz bounds γ̂ by 1; Min removes rounding overshoot.
        return den > 0 ? Math.Min(1.0, Math.Sqrt(re * re + im * im) / den) : 0.0;
    }
}
