namespace MineFunctions.Core.Inputs;

/// <summary>InSAR mined areas, header `asset_id,year,area_m2` (area ≥ 0 m²); one row per asset and year.</summary>
public static class MinedAreaCsvReader
{
    public static readonly string[] Columns = ["asset_id", "year", "area_m2"];

    public static ParseResult<MinedArea> Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, Columns, [], row =>
        {
            var id = row.RequiredText("asset_id");
            var year = FieldRules.Year(row);
            var area = row.Number("area_m2", true, min: 0);
            return id is null || year is null || area is null ? null : new MinedArea(id, year.Value, area.Value);
        });
        return FieldRules.WithErrors(parsed, FieldRules.Duplicates(parsed, a => (a.AssetId, a.Year), k => $"Area of asset '{k.AssetId}' in {k.Year}"));
    }
}
