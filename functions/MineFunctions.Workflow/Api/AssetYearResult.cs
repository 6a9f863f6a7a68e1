namespace MineFunctions.Workflow.Api;

/// <summary>One asset-year of results (METHOD.md §1.5–1.7); null = not modelled, 0 = truly zero.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="AreaM2">Mined (active) area in m².</param>
/// <param name="ProductionT">Ore production in tonnes (reported or modelled).</param>
/// <param name="EmissionsTCo2">CO2 in tonnes.</param>
/// <param name="Confidence">Emissions confidence (e.g. "medium", "low", "very low").</param>
/// <param name="Uncertainty">Emissions uncertainty in tonnes CO2.</param>
/// <param name="AreaUncertaintyM2">± of the area from the classification (METHOD.md §3); null = not known.</param>
/// <param name="ProductionUncertaintyT">± of the production in tonnes (area and t/m² together for an InSAR estimate).</param>
public sealed record AssetYearResult(int Year, double? AreaM2, double? ProductionT, double? EmissionsTCo2, string? Confidence, double? Uncertainty,
    double? AreaUncertaintyM2 = null, double? ProductionUncertaintyT = null);
