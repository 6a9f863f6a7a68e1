namespace MineFunctions.Core.Composite;

/// <summary>
/// The undisturbed NDAI of an asset's own quiet ground in one year (METHOD.md §3.2). The stable
/// background b is the NDAI of the stable pixels; when those are themselves disturbed now and then (bedrock
/// disturbed in 15 % of pairs leaves only a few, less coherent stable pixels), each pair's stable mean is
/// low, undisturbed mine ground reads below b, and a threshold from b misses weakly worked pits. The quiet
/// ground's own level u comes from the pixels inside the polygon that were counted disturbed in at most half
/// the active share: with their decorrelated share f = D/(n·p) (D disturbed of n pairs, p the detection
/// probability), a mean M = u + f·(d − u) gives u = (M − f·d)/(1 − f); u is the median of that over them.
/// </summary>
public static class QuietGround
{
    /// <summary>
    /// u of the year, or null when no pixel inside the polygon is quiet (a mine worked everywhere that year).
    /// Pixels without a mean or pairs, and outside a non-empty polygon, are left out.
    /// </summary>
    public static double? Level(ReadOnlySpan<float> mean, ReadOnlySpan<float> pairs, ReadOnlySpan<float> disturbed, ReadOnlySpan<byte> polygon,
        YearBackground background, ClassifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(settings);
        if (pairs.Length != mean.Length || disturbed.Length != mean.Length || (!polygon.IsEmpty && polygon.Length != mean.Length))
            throw new ArgumentException("Annual mean, pair counts, disturbed counts and polygon must have the same number of pixels.");
        if (!(background.DetectionProbability is > 0 and <= 1)) return null;
        var quietShare = settings.ActiveShare / 2;
        var levels = new List<double>();
        for (var i = 0; i < mean.Length; i++)
        {
            if ((!polygon.IsEmpty && polygon[i] == 0) || float.IsNaN(mean[i]) || !(pairs[i] >= 1)) continue;
            var share = disturbed[i] / (pairs[i] * background.DetectionProbability);
            if (share > quietShare) continue;
            levels.Add((mean[i] - share * background.DecorrelatedLevel) / (1 - share));
        }
        if (levels.Count == 0) return null;
        levels.Sort();
        var k = levels.Count / 2;
        return levels.Count % 2 == 1 ? levels[k] : 0.5 * (levels[k - 1] + levels[k]);
    }

    /// <summary>
    /// The background the rule uses: b lowered to u when the quiet ground reads below it, never raised (mixing
    /// at zone edges and spill-over lift u a little above the truth on ordinary scenes, METHOD.md §3.2).
    /// </summary>
    public static YearBackground Apply(YearBackground background, double? quietLevel)
    {
        ArgumentNullException.ThrowIfNull(background);
        return quietLevel is { } u && u < background.Level ? background with { Level = u } : background;
    }
}
