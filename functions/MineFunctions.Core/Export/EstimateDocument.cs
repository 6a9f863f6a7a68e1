using System.Text.Json.Serialization;

namespace MineFunctions.Core.Export;

/// <summary>
/// The JSON form of an <see cref="Emissions.EstimateResult"/> for the HTTP API: the same numbers as the
/// CSV export, unrounded, plus what the CSV cannot hold (uncertainties, methods, pool levels), and the
/// assets left out because their inputs do not parse, each with its reasons. Strings rather than
/// enums, so the wire format does not change when a C# name does.
/// </summary>
public sealed record EstimateDocument(IReadOnlyList<int> Years, IReadOnlyList<AssetDocument> Assets, IReadOnlyList<string> Warnings, IReadOnlyList<LeftOutAsset> LeftOut);

public sealed record AssetDocument(
    string SourceId, string SourceName, string Sector, string SourceType, string Iso3Country, double Lat, double Lon, string GeometryRef,
    string? PolygonRef, IReadOnlyList<AssetYearDocument> Years);

/// <summary>One year; co2e_100yr and co2e_20yr equal co2, ch4 and n2o are null (not modelled).</summary>
public sealed record AssetYearDocument(
    int Year, ActivityDocument? Activity, EmissionFactorDocument? EmissionFactor,
    double? Co2T, double? Ch4T, double? N2oT,
    [property: JsonPropertyName("co2e_100yr_t")] double? Co2e100yrT,
    [property: JsonPropertyName("co2e_20yr_t")] double? Co2e20yrT,
    string? EmissionsConfidence, double? EmissionsUncertaintyT);

public sealed record ActivityDocument(
    double OreT, string Units, string Confidence, double? UncertaintyT, string Method, int SourceYear,
    string? Product, double? Factor, string? PoolLevel, int? PoolSize,
    [property: JsonPropertyName("area_m2")] double? AreaM2 = null,
    [property: JsonPropertyName("area_uncertainty_m2")] double? AreaUncertaintyM2 = null);

public sealed record EmissionFactorDocument(
    double Value, string Units, string Confidence, double? Uncertainty, string Source, int PoolSize);
