namespace MineFunctions.Core.Coherence;

/// <summary>Brings a user's precomputed coherence raster to the Core convention before any statistic.</summary>
public static class CoherenceInput
{
    /// <summary>
    /// GAMMA (and some ISCE) coherence products leave nodata unset and write 0 where there is no data
    /// (METHOD.md §1.2): exact zeros become nodata (NaN). Then NaN, ±Inf and values outside [0, 1]
    /// become nodata and are counted (<see cref="CoherenceValidation.Sanitize"/>), never clamped.
    /// Coherence estimated by <see cref="CoherenceEstimator"/> must not go through this: its 0 for a
    /// zero denominator is a value.
    /// </summary>
    public static ValidationCounts PrepareUserRaster(Span<float> coherence)
    {
        for (var i = 0; i < coherence.Length; i++)
        {
            if (coherence[i] == 0f) coherence[i] = float.NaN;
        }
        return CoherenceValidation.Sanitize(coherence);
    }
}
