using MineFunctions.Core.Activity;

namespace MineFunctions.Core.Export;

/// <summary>
/// Writes `mine activity`'s table, header
/// `year,active_pixels,area_m2,reported_production_t,t_per_m2,estimated_production_t,confidence`, one row
/// per year, empty where a value does not apply. Area is printed to 0.01 m², tonnes to 1 t, t/m² to
/// 6 decimals (enough to recover the seed's 3-decimal figures and more).
/// </summary>
public static class AssetProductionCsvWriter
{
    public const string Header = "year,active_pixels,area_m2,reported_production_t,t_per_m2,estimated_production_t,confidence";

    public static void Write(AssetProductionTable table, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var y in table.Years)
        {
            writer.Write(string.Join(',',
                CsvText.Integer(y.Year),
                CsvText.Integer(y.ActivePixels),
                CsvText.Number(y.AreaM2, 2),
                CsvText.Number(y.ReportedOreT, 0),
                CsvText.Number(y.TPerM2, 6),
                CsvText.Number(y.EstimatedOreT, 0),
                y.Confidence?.CsvName() ?? ""));
            writer.Write('\n');
        }
    }
}
