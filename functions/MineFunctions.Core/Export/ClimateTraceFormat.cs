using System.Globalization;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Export;

/// <summary>
/// The layout of the Climate TRACE asset files, as found in the real BRA mineral-extraction release
/// (METHOD.md §1.8; shared/data/real/climatetrace-bra-mineral-extraction): headers, gas order, dates,
/// unit strings and number forms.
/// </summary>
public static class ClimateTraceFormat
{
    public const string SourcesHeader =
        "source_id,iso3_country,original_inventory_sector,start_time,end_time,temporal_granularity,gas,emissions_quantity,emissions_factor,emissions_factor_units,capacity,capacity_units,capacity_factor,activity,activity_units,created_date,modified_date,source_name,source_type,lat,lon,geometry_ref";

    public const string ConfidenceHeader =
        "source_id,source_name,iso3_country,original_inventory_sector,start_time,end_time,source_type,capacity,capacity_factor,activity,co2_emissions_factor,ch4_emissions_factor,n2o_emissions_factor,co2_emissions,ch4_emissions,n2o_emissions,total_co2e_20yrgwp,created_date,modified_date,total_co2e_100yrgwp";

    /// <summary>One row per gas, in this order, for every asset-year.</summary>
    public static IReadOnlyList<string> Gases { get; } = ["co2", "ch4", "n2o", "co2e_100yr", "co2e_20yr"];

    /// <summary>File names per sector: `iron-mining_emissions-sources.csv` and its `_confidence` companion.</summary>
    public static string SourcesFileName(Commodity c) => $"{c.SectorName()}_emissions-sources.csv";

    public static string ConfidenceFileName(Commodity c) => $"{c.SectorName()}_emissions-sources_confidence.csv";

    /// <summary>`2022-01-01 00:00:00`.</summary>
    public static string DateTime(System.DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>EF units of the co2 row: `T of CO2 per T of iron extracted`.</summary>
    public static string Co2FactorUnits(Commodity c) => $"T of CO2 per T of {c.Word()} extracted";

    /// <summary>
    /// EF units of the ch4 and n2o rows. The release writes `field_not_modeled` there in the bauxite
    /// file and leaves it empty in the iron and copper files; we reproduce each file as it is.
    /// </summary>
    public static string NotModelledFactorUnits(Commodity c) => c == Commodity.Bauxite ? "field_not_modeled" : "";

    /// <summary>`T of iron`.</summary>
    public static string ActivityUnits(Commodity c) => $"T of {c.Word()}";

    /// <summary>
    /// Coordinates as given (shortest round-trip form, no trailing zeros): the release prints what its
    /// registry holds, mostly 6 decimals but some with 8 or 9 (-18.89373642).
    /// </summary>
    public static string Coordinate(double degrees) => (degrees == 0 ? 0 : degrees).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>`trace_{lon}_{lat}`, e.g. `trace_-43.905438_-19.958386`.</summary>
    public static string GeometryRef(double lat, double lon) => $"trace_{Coordinate(lon)}_{Coordinate(lat)}";

    /// <summary>Tonnes (emissions and activity) are whole numbers in the release.</summary>
    public static string Tonnes(double? t) => CsvText.Number(t, 0);

    /// <summary>Emission factors carry at most 4 decimals in the release (0.0218, 0.026).</summary>
    public static string Factor(double? f) => CsvText.Number(f, 4);
}
