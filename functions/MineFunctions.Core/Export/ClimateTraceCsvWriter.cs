using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Export;

/// <summary>
/// Writes the Climate TRACE asset files of one sector (METHOD.md §1.8). Conventions of the real release:
/// LF line ends, no quotes unless needed, one row per asset × year × gas (co2, ch4, n2o, co2e_100yr,
/// co2e_20yr); empty = not modelled or unknown, 0 = truly zero; CH4/N2O quantities empty; CO2e rows
/// repeat the CO2 quantity with empty factor and units; the activity is repeated on every gas row;
/// quantity, factor and activity are empty together when there is no activity; capacity empty with units `N/A`.
/// Rows are sorted by source id, year and gas (the release's own order is arbitrary).
/// </summary>
public static class ClimateTraceCsvWriter
{
    /// <summary>The sectors present in a result, in enum order.</summary>
    public static IReadOnlyList<Commodity> Sectors(EstimateResult result) =>
        result.Rows.Select(r => r.Asset.Commodity).Distinct().Order().ToList();

    public static void WriteSources(EstimateResult result, Commodity sector, ClimateTraceExportOptions options, TextWriter writer)
    {
        writer.Write(ClimateTraceFormat.SourcesHeader);
        writer.Write('\n');
        var created = ClimateTraceFormat.DateTime(options.CreatedDate);
        var modified = ClimateTraceFormat.DateTime(options.ModifiedDate);
        foreach (var row in Ordered(result, sector))
        {
            var a = row.Asset;
            var hasEmissions = row.Co2T is not null;
            var activity = ClimateTraceFormat.Tonnes(row.Activity?.OreT);
            foreach (var gas in ClimateTraceFormat.Gases)
            {
                var (quantity, factor, units) = gas switch
                {
                    "co2" => (ClimateTraceFormat.Tonnes(row.Co2T), hasEmissions ? ClimateTraceFormat.Factor(row.EmissionFactor?.TCo2PerTOre) : "", ClimateTraceFormat.Co2FactorUnits(sector)),
                    "ch4" or "n2o" => ("", "", ClimateTraceFormat.NotModelledFactorUnits(sector)),
                    _ => (ClimateTraceFormat.Tonnes(row.Co2T), "", ""),
                };
                writer.Write(string.Join(',',
                    CsvText.Field(a.Id),
                    a.Iso3,
                    sector.SectorName(),
                    ClimateTraceFormat.DateTime(new DateTime(row.Year, 1, 1)),
                    ClimateTraceFormat.DateTime(new DateTime(row.Year, 12, 31)),
                    "annual",
                    gas,
                    quantity,
                    factor,
                    units,
                    "",
                    "N/A",
                    "",
                    activity,
                    ClimateTraceFormat.ActivityUnits(sector),
                    created,
                    modified,
                    CsvText.Field(a.Name),
                    sector.SourceType(),
                    ClimateTraceFormat.Coordinate(a.Lat),
                    ClimateTraceFormat.Coordinate(a.Lon),
                    ClimateTraceFormat.GeometryRef(a.Lat, a.Lon)));
                writer.Write('\n');
            }
        }
    }

    /// <summary>
    /// The `_confidence.csv` companion: per asset-year, source_type "high" (the registry states the
    /// asset type), activity and co2 factor confidence, co2 and both co2e columns = the emissions
    /// confidence; capacity and CH4/N2O columns empty. A row without activity leaves them all empty.
    /// </summary>
    public static void WriteConfidence(EstimateResult result, Commodity sector, ClimateTraceExportOptions options, TextWriter writer)
    {
        writer.Write(ClimateTraceFormat.ConfidenceHeader);
        writer.Write('\n');
        var created = ClimateTraceFormat.DateTime(options.CreatedDate);
        var modified = ClimateTraceFormat.DateTime(options.ModifiedDate);
        var rows = Ordered(result, sector);
        if (options.ConfidenceLatestYearOnly && result.Years.Count > 0) rows = rows.Where(r => r.Year == result.Years[^1]);
        foreach (var row in rows)
        {
            var a = row.Asset;
            var hasActivity = row.Activity is not null;
            var activity = row.Activity?.Confidence.CsvName() ?? "";
            var factor = hasActivity ? row.EmissionFactor?.Confidence.CsvName() ?? "" : "";
            var emissions = row.Co2Confidence?.CsvName() ?? "";
            writer.Write(string.Join(',',
                CsvText.Field(a.Id),
                CsvText.Field(a.Name),
                a.Iso3,
                sector.SectorName(),
                ClimateTraceFormat.DateTime(new DateTime(row.Year, 1, 1)),
                ClimateTraceFormat.DateTime(new DateTime(row.Year, 12, 31)),
                "high",
                "",
                "",
                activity,
                factor,
                "",
                "",
                emissions,
                "",
                "",
                emissions,
                created,
                modified,
                emissions));
            writer.Write('\n');
        }
    }

    private static IEnumerable<AssetYearEstimate> Ordered(EstimateResult result, Commodity sector) =>
        result.Rows.Where(r => r.Asset.Commodity == sector).OrderBy(r => r.Asset.Id, StringComparer.Ordinal).ThenBy(r => r.Year);
}
