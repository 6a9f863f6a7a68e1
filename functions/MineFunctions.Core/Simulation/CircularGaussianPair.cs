namespace MineFunctions.Core.Simulation;

/// <summary>
/// Speckle model for simulated SLC pairs: s1 = a, s2 = D·a + sqrt(1 − D²)·b with a, b independent
/// circular complex Gaussians of unit power, so E[s1·conj s2] = D and the true coherence is D
/// (the model behind the Touzi et al. 1999 bias table, METHOD.md §1.2). An amplitude per pixel
/// scales both images (coherence is invariant to it).
/// </summary>
public static class CircularGaussianPair
{
    /// <summary>
    /// Fills interleaved complex64 rasters <paramref name="s1"/> and <paramref name="s2"/> (length 2 × N)
    /// for N pixels of true coherence <paramref name="trueCoherence"/> (NaN → both samples NaN, nodata).
    /// </summary>
    public static void Fill(DeterministicRandom random, ReadOnlySpan<float> trueCoherence, Span<float> s1, Span<float> s2, ReadOnlySpan<float> amplitude = default)
    {
        var n = trueCoherence.Length;
        if (s1.Length != 2 * n || s2.Length != 2 * n) throw new ArgumentException("s1 and s2 must hold 2 floats per pixel.");
        if (!amplitude.IsEmpty && amplitude.Length != n) throw new ArgumentException("amplitude must have one value per pixel.", nameof(amplitude));
        // Each component of a unit-power circular Gaussian has variance 1/2.
        const double componentSd = 0.70710678118654752;
        for (var i = 0; i < n; i++)
        {
            var d = (double)trueCoherence[i];
            var (ar, ai) = random.NextGaussianPair();
            var (br, bi) = random.NextGaussianPair();
            if (double.IsNaN(d))
            {
                s1[2 * i] = s1[2 * i + 1] = s2[2 * i] = s2[2 * i + 1] = float.NaN;
                continue;
            }
            d = Math.Clamp(d, 0.0, 1.0);
            var k = Math.Sqrt(1.0 - d * d);
            var amp = (amplitude.IsEmpty ? 1.0 : amplitude[i]) * componentSd;
            s1[2 * i] = (float)(amp * ar);
            s1[2 * i + 1] = (float)(amp * ai);
            s2[2 * i] = (float)(amp * (d * ar + k * br));
            s2[2 * i + 1] = (float)(amp * (d * ai + k * bi));
        }
    }
}
