namespace MineFunctions.Core.Composite;

/// <summary>
/// What the adaptive rule (<see cref="AdaptiveActivity"/>, METHOD.md §3) needs of one year beyond the
/// pixels' own counts, all from the asset's own data: the annual mean NDAI of its stable ground
/// (<see cref="Level"/>), the per-pair spread of that NDAI (<see cref="PairSpread"/>), and the NDAI of
/// fully decorrelated ground for the data's looks and stable coherence (<see cref="DecorrelatedLevel"/>), and
/// the probability that a fully decorrelated pair is counted as disturbing a pixel (<see cref="DetectionProbability"/>).
/// </summary>
/// <param name="StablePixels">Stable pixels the level and spread come from (0 = none with data: level 0, spread 0).</param>
/// <param name="DetectionProbability">Share of a pixel's fully decorrelated pairs whose NDAI passes the disturbance level (<see cref="DisturbanceLevel.DetectionProbability"/>).</param>
public sealed record YearBackground(double Level, double PairSpread, double DecorrelatedLevel, long StablePixels, double DetectionProbability)
{
    /// <summary>Consistency factor of the median absolute deviation for a normal distribution (1 / Φ⁻¹(3/4)).</summary>
    private const double MadToSigma = 1.4826;

    /// <summary>
    /// Level = median over the stable pixels of their annual mean NDAI; PairSpread = 1.4826 · MAD of
    /// those means × √(median pair count), the spread of one pair's NDAI on stable ground (Rousseeuw
    /// &amp; Croux 1993; the whole spread of the means, pixel-to-pixel offsets included, is charged to
    /// the pairs, which is conservative for pixels with fewer pairs); DecorrelatedLevel from
    /// <see cref="DisturbanceLevel.DecorrelatedNdai"/>; DetectionProbability from <see cref="DisturbanceLevel.DetectionProbability"/>.
    /// </summary>
    /// <param name="annualMean">Annual mean NDAI (NaN = no data).</param>
    /// <param name="pairCounts">Pairs that contributed to each pixel's mean.</param>
    /// <param name="stable">Non-zero on stable pixels (METHOD.md §1.3).</param>
    /// <param name="stableCoherence">Typical coherence of the stable pixels (<see cref="DisturbanceLevel.StableCoherence"/>).</param>
    /// <param name="looks">Independent looks of the coherence estimate (window X × Y).</param>
    public static YearBackground Estimate(ReadOnlySpan<float> annualMean, ReadOnlySpan<float> pairCounts, ReadOnlySpan<byte> stable, double stableCoherence, int looks)
    {
        var n = annualMean.Length;
        if (pairCounts.Length != n || stable.Length != n) throw new ArgumentException("Annual mean, pair counts and stable mask must have the same number of pixels.");
        var decorrelated = DisturbanceLevel.DecorrelatedNdai(stableCoherence, looks);
        var detection = DisturbanceLevel.DetectionProbability(stableCoherence, looks);
        var means = new List<double>();
        var counts = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (stable[i] == 0 || float.IsNaN(annualMean[i]) || !(pairCounts[i] >= 1)) continue;
            means.Add(annualMean[i]);
            counts.Add(pairCounts[i]);
        }
        if (means.Count == 0) return new YearBackground(0, 0, decorrelated, 0, detection);
        var level = Median(means);
        var spread = MadToSigma * Median(means.Select(m => Math.Abs(m - level)).ToList()) * Math.Sqrt(Median(counts));
        if (!(decorrelated > level))
            throw new InvalidDataException($"The stable ground's NDAI ({level:0.###}) is not below that of decorrelated ground ({decorrelated:0.###}): no activity can be told apart.");
        return new YearBackground(level, spread, decorrelated, means.Count, detection);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var k = values.Count / 2;
        return values.Count % 2 == 1 ? values[k] : 0.5 * (values[k - 1] + values[k]);
    }
}
