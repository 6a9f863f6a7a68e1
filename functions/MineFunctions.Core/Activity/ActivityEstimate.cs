namespace MineFunctions.Core.Activity;

/// <summary>How an asset-year's ore activity was obtained, in the order they are tried (seed Table S2).</summary>
public enum ActivityMethod
{
    /// <summary>Ore reported for the year (high).</summary>
    ReportedOre,
    /// <summary>A product reported for the year × pooled ore/product factor (medium).</summary>
    ConvertedProduct,
    /// <summary>InSAR area × the asset's own mean t/m² over its reported years (medium).</summary>
    InsarOwnTonnesPerSquareMetre,
    /// <summary>Ore reported for the latest earlier year (medium).</summary>
    PreviousYearOre,
    /// <summary>InSAR area × pooled t/m² of the same commodity (medium).</summary>
    InsarPooledTonnesPerSquareMetre,
    /// <summary>A product reported for the latest earlier year × pooled factor (low).</summary>
    ConvertedPreviousYearProduct,
}

/// <summary>
/// Ore activity of one asset-year (t) with Table S2 confidence and uncertainty (± t: std dev of the
/// scaling factor used × the quantity scaled; 0 when no factor was used; null when the pool has one member).
/// From an InSAR area with a classification ± (<see cref="AreaUncertaintyM2"/>), the uncertainty is that of
/// the product area × t/m² (ProductUncertainty, METHOD.md §3).
/// </summary>
public sealed record ActivityEstimate(
    double OreT,
    Confidence Confidence,
    double? UncertaintyT,
    ActivityMethod Method,
    int SourceYear,
    string? Product = null,
    double? Factor = null,
    PoolLevel? PoolLevel = null,
    int? PoolSize = null,
    double? AreaM2 = null,
    double? AreaUncertaintyM2 = null);
