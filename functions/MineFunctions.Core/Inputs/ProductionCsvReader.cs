namespace MineFunctions.Core.Inputs;

/// <summary>
/// Reported production, header `asset_id,year,product,tonnes`: one row per asset, year and product,
/// product = ore or a product type (concentrate, cathode, pellets, alumina, …), tonnes ≥ 0.
/// An asset-year may have both ore and product rows (those pairs give conversion factors).
/// </summary>
public static class ProductionCsvReader
{
    public static readonly string[] Columns = ["asset_id", "year", "product", "tonnes"];

    public static ParseResult<ReportedProduction> Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, Columns, [], row =>
        {
            var id = row.RequiredText("asset_id");
            var year = FieldRules.Year(row);
            var product = FieldRules.Product(row);
            var tonnes = row.Number("tonnes", true, min: 0);
            return id is null || year is null || product is null || tonnes is null ? null : new ReportedProduction(id, year.Value, product, tonnes.Value);
        });
        return FieldRules.WithErrors(parsed, FieldRules.Duplicates(parsed, p => (p.AssetId, p.Year, p.Product), k => $"Production of '{k.Product}' for asset '{k.AssetId}' in {k.Year}"));
    }
}
