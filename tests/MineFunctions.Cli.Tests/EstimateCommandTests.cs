using System.Text.Json;

namespace MineFunctions.Cli.Tests;

public sealed class EstimateCommandTests : IDisposable
{
    private const string SourcesHeader =
        "source_id,iso3_country,original_inventory_sector,start_time,end_time,temporal_granularity,gas,emissions_quantity,emissions_factor,emissions_factor_units,capacity,capacity_units,capacity_factor,activity,activity_units,created_date,modified_date,source_name,source_type,lat,lon,geometry_ref";

    private readonly string _dir = Directory.CreateTempSubdirectory("mine-estimate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Estimate_WritesSectorFilesAndJson_WithReportedConvertedAndInsarActivity()
    {
        var assets = WriteFile("assets.csv",
            "asset_id,name,commodity,iso3,lat,lon,polygon_ref\n" +
            "s1,Sishen,iron,ZAF,-27.7589,23,sishen.geojson\n" +
            "k1,Kolomela,iron,ZAF,-28.35,22.9,\n" +
            "c1,Copper One,copper,CHL,-22.3,-68.9,\n" +
            "c2,Copper Two,copper,CHL,-22.4,-68.8,\n");
        var production = WriteFile("production.csv",
            "asset_id,year,product,tonnes\n" +
            "s1,2021,ore,37900000\ns1,2022,ore,35000000\n" +
            "c1,2022,ore,2000000\nc1,2022,cathode,20000\n" +
            "c2,2022,cathode,10000\n");
        var areas = WriteFile("areas.csv", "asset_id,year,area_m2\ns1,2020,10093100\ns1,2021,11689100\ns1,2022,11039200\nk1,2022,2000000\n");
        var reports = WriteFile("reports.csv", "scope,subject_id,year,co2e_t,ore_t,asset_ids\nasset,s1,2022,406000,35000000,\ncompany,Copperco,2022,30000,2000000,c1;c2\n");
        var outDir = Path.Combine(_dir, "out");

        var (code, output, error) = await Mine.RunAsync("estimate", "--assets", assets, "--production", production, "--activity", areas,
            "--emissions-reports", reports, "--years", "2022", "--created-date", "2023-11-01", "--modified-date", "2023-11-02 17:00:00", "--out", outDir);

        Assert.True(code == 0, error + output);
        var iron = File.ReadAllLines(Path.Combine(outDir, "iron-mining_emissions-sources.csv"));
        Assert.Equal(SourcesHeader, iron[0]);
        Assert.Equal(1 + 2 * 5, iron.Length);
        Assert.Contains("k1,ZAF,iron-mining,2022-01-01 00:00:00,2022-12-31 00:00:00,annual,co2,", iron[1]);
        Assert.Equal("s1,ZAF,iron-mining,2022-01-01 00:00:00,2022-12-31 00:00:00,annual,co2,406000,0.0116,T of CO2 per T of iron extracted,,N/A,,35000000,T of iron,2023-11-01 00:00:00,2023-11-02 17:00:00,Sishen,iron-mine,-27.7589,23,trace_23_-27.7589", iron[6]);
        var copper = File.ReadAllLines(Path.Combine(outDir, "copper-mining_emissions-sources.csv"));
        // c2: 10,000 t cathode × 100 t ore/t (from c1) = 1,000,000 t ore; company EF 0.015 → 15,000 t.
        Assert.StartsWith("c2,CHL,copper-mining,2022-01-01 00:00:00,2022-12-31 00:00:00,annual,co2,15000,0.015,", copper[6]);
        var confidence = File.ReadAllLines(Path.Combine(outDir, "copper-mining_emissions-sources_confidence.csv"));
        Assert.Equal("c2,Copper Two,CHL,copper-mining,2022-01-01 00:00:00,2022-12-31 00:00:00,high,,,medium,medium,,,medium,,,medium,2023-11-01 00:00:00,2023-11-02 17:00:00,medium", confidence[2]);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "estimate.json")));
        var k1 = json.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("source_id").GetString() == "k1");
        var k1Year = k1.GetProperty("years")[0];
        Assert.Equal("insar_pooled_tonnes_per_square_metre", k1Year.GetProperty("activity").GetProperty("method").GetString());
        Assert.Equal("national", k1Year.GetProperty("activity").GetProperty("pool_level").GetString());
        Assert.Equal("low", k1Year.GetProperty("emission_factor").GetProperty("confidence").GetString());
        Assert.Equal(JsonValueKind.Null, k1Year.GetProperty("ch4_t").ValueKind);
        Assert.Equal(k1Year.GetProperty("co2_t").GetDouble(), k1Year.GetProperty("co2e_100yr_t").GetDouble());
    }

    [Fact]
    public async Task MalformedInputs_ListEveryErrorWithFileAndLine_AndWriteNothing()
    {
        var assets = WriteFile("assets.csv", "asset_id,name,commodity,iso3,lat,lon\na,A,iron,BRA,0,0\nb,B,gold,BRA,0,0\n");
        var production = WriteFile("production.csv", "asset_id,year,product,tonnes\na,2022,ore,abc\nzz,2022,ore,5\n");
        var outDir = Path.Combine(_dir, "out");

        var (code, _, error) = await Mine.RunAsync("estimate", "--assets", assets, "--production", production, "--out", outDir);

        Assert.Equal(1, code);
        Assert.Contains("assets.csv:3:", error);
        Assert.Contains("production.csv:2:", error);
        Assert.Contains("production.csv:3:", error);
        Assert.Contains("nothing was written", error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task BadDate_IsAUsageError()
    {
        var (code, _, error) = await Mine.RunAsync("estimate", "--assets", "a.csv", "--production", "p.csv", "--created-date", "01/11/2023", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("--created-date", error);
    }
}
