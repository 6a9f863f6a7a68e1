namespace MineFunctions.Core.Inputs;

/// <summary>
/// Ore conversion factors, header `commodity,product,iso3,ore_t_per_product_t[,source]`: one observed
/// factor (t ore per t product, &gt; 0) per row, attributed to a country so it pools nationally, then
/// regionally. Product must not be "ore".
/// </summary>
public static class ConversionFactorCsvReader
{
    public static readonly string[] Columns = ["commodity", "product", "iso3", "ore_t_per_product_t"];

    public static ParseResult<ConversionFactorObservation> Read(TextReader reader, string fileName) =>
        CsvTable.Read(reader, fileName, Columns, ["source"], row =>
        {
            var commodity = row.Parse("commodity", true, CommodityExtensions.Parse);
            var product = FieldRules.Product(row);
            if (product == ReportedProduction.Ore) row.Error("'product' must be a non-ore product: a factor converts a product to ore.");
            var iso3 = FieldRules.Iso3(row);
            var factor = row.Number("ore_t_per_product_t", true, min: double.Epsilon);
            return commodity is null || product is null || iso3 is null || factor is null
                ? null
                : new ConversionFactorObservation(commodity.Value, product, iso3, factor.Value, row.Text("source"));
        });
}
