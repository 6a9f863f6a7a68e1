using System.Globalization;

namespace MineFunctions.Core.Stable;

/// <summary>
/// Per-pair acceptance by the spatial mean and standard deviation of coherence over the stable
/// pixels (METHOD.md §1.3): rain, snow or a long baseline decorrelates the bedrock too, which this
/// catches. Zero stable pixels with data is a reported rejection, never a division by zero.
/// </summary>
public static class PairScreening
{
    public static PairDecision Evaluate(ReadOnlySpan<float> coherence, StableMask stable, StableThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(stable);
        thresholds.Validate();
        if (coherence.Length != stable.Length) throw new ArgumentException($"Coherence has {coherence.Length} pixels, the stable mask {stable.Length}.", nameof(coherence));

        long valid = 0, n = 0;
        double mean = 0, m2 = 0;
        var mask = stable.Pixels;
        for (var i = 0; i < coherence.Length; i++)
        {
            double v = coherence[i];
            if (double.IsNaN(v)) continue;
            valid++;
            if (!mask[i]) continue;
            n++;
            var delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
        }

        if (n == 0)
            return new PairDecision(false, "no stable pixel has data in this pair", double.NaN, double.NaN, 0, valid);
        var std = Math.Sqrt(Math.Max(0, m2 / n));
        if (n < thresholds.MinimumStablePixels)
            return new PairDecision(false, F($"only {n} stable pixels with data (minimum {thresholds.MinimumStablePixels})"), mean, std, n, valid);
        if (mean < thresholds.PairMeanMin)
            return new PairDecision(false, F($"stable mean {mean:0.000} < {thresholds.PairMeanMin:0.000}"), mean, std, n, valid);
        if (std > thresholds.PairStdMax)
            return new PairDecision(false, F($"stable std {std:0.000} > {thresholds.PairStdMax:0.000}"), mean, std, n, valid);
        return new PairDecision(true, F($"stable mean {mean:0.000} >= {thresholds.PairMeanMin:0.000} and std {std:0.000} <= {thresholds.PairStdMax:0.000}"), mean, std, n, valid);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
