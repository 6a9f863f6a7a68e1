using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Emissions;

/// <summary>Everything <see cref="EmissionsEstimator"/> needs; build and cross-check it with <see cref="EstimateInputsBuilder"/>.</summary>
public sealed record EstimateInputs(
    IReadOnlyList<Asset> Assets,
    IReadOnlyList<ReportedProduction> Production,
    IReadOnlyList<ConversionFactorObservation> ConversionFactors,
    IReadOnlyList<EmissionsReport> EmissionsReports,
    IReadOnlyList<MinedArea> MinedAreas,
    CountryRegions Regions,
    IReadOnlyList<int> Years);
