namespace MineFunctions.Core.Coherence;

/// <summary>
/// Checks precomputed coherence (HyP3, SNAP, GAMMA exports; METHOD.md §1.2): a coherence is in
/// [0, 1]. Anything else is a broken product or an unmarked nodata value, so it becomes nodata and is
/// counted, never clamped: a clamped 1.3 would enter the stable-point statistics as a perfect 1.
/// </summary>
public static class CoherenceValidation
{
    /// <summary>In place: NaN stays NaN (counted as nodata); ±Inf, &lt; 0 and &gt; 1 become NaN and are counted.</summary>
    public static ValidationCounts Sanitize(Span<float> coherence)
    {
        long valid = 0, nodata = 0, infinite = 0, below = 0, above = 0;
        for (var i = 0; i < coherence.Length; i++)
        {
            var v = coherence[i];
            if (v is >= 0f and <= 1f)
            {
                valid++;
                continue;
            }
            if (float.IsNaN(v)) nodata++;
            else if (float.IsInfinity(v)) infinite++;
            else if (v < 0f) below++;
            else above++;
            coherence[i] = float.NaN;
        }
        return new ValidationCounts(valid, nodata, infinite, below, above);
    }
}
