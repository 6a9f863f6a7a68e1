namespace MineFunctions.Core.Ndai;

/// <summary>
/// One year's annual mean stage products (METHOD.md §1.4): the mean NDAI (NaN = no pair), per pixel the
/// pairs that contributed and those that disturbed it (empty without a disturbance level, METHOD.md §3),
/// the pairs added, and the spatial mean of the mean over its valid pixels (null when none).
/// </summary>
public sealed record AnnualMeanProducts(float[] Mean, float[] PairCounts, float[] DisturbedCounts, int Pairs, long ValidPixels, double? SpatialMean)
{
    /// <summary>The products of an accumulator that has taken in the year's accepted pairs.</summary>
    public static AnnualMeanProducts Of(AnnualMeanAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var mean = accumulator.Mean();
        var counts = ToFloats(accumulator.Counts);
        var disturbed = ToFloats(accumulator.Disturbed);
        var (valid, spatial) = SpatialMeanOf(mean);
        return new AnnualMeanProducts(mean, counts, disturbed, accumulator.PairsAdded, valid, spatial);
    }

    /// <summary>Mean over the pixels that are not NaN, summed in double in pixel order; (0, null) when none is.</summary>
    public static (long ValidPixels, double? Mean) SpatialMeanOf(ReadOnlySpan<float> pixels)
    {
        var sum = 0.0;
        long valid = 0;
        foreach (var v in pixels)
        {
            if (float.IsNaN(v)) continue;
            sum += v;
            valid++;
        }
        return (valid, valid == 0 ? null : sum / valid);
    }

    private static float[] ToFloats(ReadOnlySpan<int> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }
}
