using MineFunctions.Core.Activity;

namespace MineFunctions.Core.Emissions;

/// <summary>Where an asset-year's emission factor came from (METHOD.md §1.7, seed §5, Table S2).</summary>
public enum EmissionFactorSource
{
    /// <summary>Asset-scope report for the year: co2e ÷ ore (medium).</summary>
    AssetReport,
    /// <summary>Company/division report covering the asset (medium; seed §5).</summary>
    CompanyReport,
    /// <summary>Mean of the country's reported factors, same commodity and year (low).</summary>
    NationalMean,
    /// <summary>Mean over the region (very low).</summary>
    RegionalMean,
    /// <summary>Mean over all countries (very low: Table S2 has no lower level).</summary>
    GlobalMean,
    /// <summary>
    /// No factor of the commodity was reported anywhere that year: the mean of the commodity's
    /// reported factors of all years, nearest pool first (national → regional → global; very low).
    /// </summary>
    OtherYearsMean,
}

/// <summary>
/// Emission factor (t CO2 per t ore) with Table S2 confidence and uncertainty (± std dev of the pooled
/// factors; 0 for a factor taken from the asset's or its company's own report; null for a one-member pool).
/// </summary>
public sealed record EmissionFactorEstimate(double TCo2PerTOre, Confidence Confidence, double? Uncertainty, EmissionFactorSource Source, int PoolSize);
