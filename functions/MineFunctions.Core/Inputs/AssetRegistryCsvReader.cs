namespace MineFunctions.Core.Inputs;

/// <summary>
/// Asset registry, header `asset_id,name,commodity,iso3,lat,lon[,polygon_ref]`: commodity iron|copper|bauxite,
/// iso3 = ISO 3166-1 alpha-3 (Climate TRACE also uses XKX), lat/lon in EPSG:4326 degrees. Ids are unique.
/// </summary>
public static class AssetRegistryCsvReader
{
    public static readonly string[] Columns = ["asset_id", "name", "commodity", "iso3", "lat", "lon"];

    public static ParseResult<Asset> Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, Columns, ["polygon_ref"], row =>
        {
            var id = row.RequiredText("asset_id");
            var name = FieldRules.Name(row);
            var commodity = row.Parse("commodity", true, CommodityExtensions.Parse);
            var iso3 = FieldRules.Iso3(row);
            var lat = row.Number("lat", true, -90, 90);
            var lon = row.Number("lon", true, -180, 180);
            return id is null || name is null || commodity is null || iso3 is null || lat is null || lon is null
                ? null
                : new Asset(id, name, commodity.Value, iso3, lat.Value, lon.Value, row.Text("polygon_ref"));
        });
        return FieldRules.WithErrors(parsed, FieldRules.Duplicates(parsed, a => a.Id, k => $"Asset '{k}'"));
    }
}
