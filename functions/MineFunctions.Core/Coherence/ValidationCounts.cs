namespace MineFunctions.Core.Coherence;

/// <summary>
/// What <see cref="CoherenceValidation.Sanitize"/> found in a precomputed coherence raster. Every
/// rejected value became nodata (NaN); none was clamped.
/// </summary>
public sealed record ValidationCounts(long Valid, long NoData, long Infinite, long BelowZero, long AboveOne)
{
    /// <summary>Values turned into nodata by the check (already-nodata values are not included).</summary>
    public long Rejected => Infinite + BelowZero + AboveOne;

    public long Total => Valid + NoData + Rejected;
}
