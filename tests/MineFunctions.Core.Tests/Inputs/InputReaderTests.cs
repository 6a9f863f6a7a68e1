using MineFunctions.Core.Contracts;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Inputs;

public sealed class InputReaderTests
{
    [Fact]
    public void AssetRegistry_ReadsQuotedNamesAndOptionalPolygon()
    {
        var csv = "asset_id,name,commodity,iso3,lat,lon,polygon_ref\n" +
                  "25487114,\"Minas-Rio, \"\"Mine\"\"\",iron,BRA,-18.89373642,-43.41954643,polygons/minas-rio.geojson\r\n" +
                  "s1,Sishen,Iron,ZAF,-27.7589,23,\n";
        var result = AssetRegistryCsvReader.Read(new StringReader(csv), "assets.csv");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(new Asset("25487114", "Minas-Rio, \"Mine\"", Commodity.Iron, "BRA", -18.89373642, -43.41954643, "polygons/minas-rio.geojson"), result.Values[0]);
        Assert.Null(result.Values[1].PolygonRef);
        Assert.Equal(3, result.Rows[1].Line);
    }

    [Fact]
    public void MalformedRows_GiveEveryErrorWithFileAndLine()
    {
        var csv = "asset_id,name,commodity,iso3,lat,lon\n" +
                  "a,A,iron,BRA,0,0\n" +          // line 2: good
                  "g,G,gold,BRA,0,0\n" +          // line 3: commodity
                  "b,B,iron,Brazil,0,0\n" +       // line 4: iso3
                  "c,C,iron,BRA,95,0\n" +         // line 5: lat range
                  "d,D,iron,BRA,1,2,3\n" +        // line 6: field count
                  "\n" +
                  "e,E,iron,BRA,\"1,5\",0\n" +    // line 8: decimal comma
                  "a,A2,copper,CHL,0,0\n";        // line 9: duplicate id
        var result = AssetRegistryCsvReader.Read(new StringReader(csv), "assets.csv");
        Assert.False(result.IsValid);
        Assert.Equal([3, 4, 5, 6, 8, 9], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Equal("assets.csv", e.File));
        Assert.Contains("gold", result.Errors[0].Message);
        Assert.Contains("line 2", result.Errors[5].Message);
        Assert.StartsWith("assets.csv:3: ", result.Errors[0].ToString());
    }

    [Fact]
    public void HeaderProblems_AreReportedOnLine1_AndNoRowIsRead()
    {
        var result = ProductionCsvReader.Read(new StringReader("asset_id,yaer,product,tonnes\na,2020,ore,5\n"), "production.csv");
        Assert.Empty(result.Rows);
        Assert.Contains(result.Errors, e => e.Line == 1 && e.Message.Contains("'yaer'"));
        Assert.Contains(result.Errors, e => e.Line == 1 && e.Message.Contains("Missing column 'year'"));
        Assert.Contains(ProductionCsvReader.Read(new StringReader(""), "p.csv").Errors, e => e.Message.Contains("empty"));
    }

    [Fact]
    public void Production_AcceptsOreAndProductRows_AndRejectsDuplicatesAndNegatives()
    {
        var csv = "asset_id,year,product,tonnes\na,2021,ore,36200000\na,2021,Concentrate,1e5\na,2021,ore,1\nb,2021,ore,-3\n";
        var result = ProductionCsvReader.Read(new StringReader(csv), "production.csv");
        Assert.Equal("concentrate", result.Values[1].Product);
        Assert.Equal([4, 5], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void EmissionsReports_CompanyScopeNeedsAssets_AndOreMustBePositive()
    {
        var csv = "scope,subject_id,year,co2e_t,ore_t,asset_ids\n" +
                  "asset,a,2022,100,1000,\n" +
                  "company,Vale,2022,300,10000,a;b\n" +
                  "company,Other,2022,300,10000,\n" +
                  "asset,c,2022,100,0,\n" +
                  "region,x,2022,1,1,\n";
        var result = EmissionsReportCsvReader.Read(new StringReader(csv), "reports.csv");
        Assert.Equal(["a", "b"], result.Values[1].AssetIds);
        Assert.Equal(0.1, result.Values[0].EmissionFactor, 12);
        Assert.Equal([4, 5, 6], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void ConversionFactors_AndAreas_AreRead()
    {
        var factors = ConversionFactorCsvReader.Read(new StringReader("commodity,product,iso3,ore_t_per_product_t,source\ncopper,cathode,CHL,120,Codelco 2022\ncopper,ore,CHL,1,\n"), "f.csv");
        Assert.Single(factors.Rows);
        Assert.Equal(3, Assert.Single(factors.Errors).Line);
        var areas = MinedAreaCsvReader.Read(new StringReader("asset_id,year,area_m2\ns1,2021,11689100\ns1,2021,1\n"), "areas.csv");
        Assert.Equal(11_689_100, areas.Values[0].AreaM2);
        Assert.Equal(3, Assert.Single(areas.Errors).Line);
    }

    [Fact]
    public void ClassCounts_ReadsTheCountsCsv_MissingClassesAreZero()
    {
        var (counts, errors) = ClassCountsCsvReader.Read(new StringReader("class,pixels\nred,43398\nWhite,24927\n"), "counts.csv");
        Assert.Empty(errors);
        Assert.Equal(43_398 + 24_927, counts!.ActivePixels(0));
        Assert.Equal(0, counts[ColourClass.Black]);
    }

    [Fact]
    public void DefaultRegionTable_CoversEveryIso3Code_WithUnM49Regions()
    {
        var regions = CountryRegions.Default;
        Assert.Equal(250, regions.Count); // 249 ISO 3166-1 codes + XKX
        Assert.Equal("South America", regions.RegionOf("BRA"));
        Assert.Equal("Southern Africa", regions.RegionOf("ZAF"));
        Assert.Equal("Southern Europe", regions.RegionOf("XKX"));
        Assert.Equal("Eastern Asia", regions.RegionOf("CHN"));
        Assert.Null(regions.RegionOf("XXX"));
    }

    [Fact]
    public void Builder_ReportsCrossFileErrorsWithLines_AndReturnsNoInputs()
    {
        var assets = AssetRegistryCsvReader.Read(new StringReader("asset_id,name,commodity,iso3,lat,lon\na,A,iron,BRA,0,0\nq,Q,iron,QQQ,0,0\n"), "assets.csv");
        var production = ProductionCsvReader.Read(new StringReader("asset_id,year,product,tonnes\na,2021,ore,5\nzz,2021,ore,5\n"), "production.csv");
        var reports = EmissionsReportCsvReader.Read(new StringReader("scope,subject_id,year,co2e_t,ore_t,asset_ids\ncompany,X,2021,1,10,a\ncompany,Y,2021,1,10,a;nope\n"), "reports.csv");
        var (inputs, errors) = EstimateInputsBuilder.Build(assets, production, null, reports, null, CountryRegions.Default, null);

        Assert.Null(inputs);
        Assert.Contains(errors, e => e is { File: "assets.csv", Line: 3 } && e.Message.Contains("QQQ"));
        Assert.Contains(errors, e => e is { File: "production.csv", Line: 3 } && e.Message.Contains("zz"));
        Assert.Contains(errors, e => e is { File: "reports.csv", Line: 3 } && e.Message.Contains("nope"));
        Assert.Contains(errors, e => e is { File: "reports.csv", Line: 3 } && e.Message.Contains("already covered"));
    }

    [Fact]
    public void Builder_DefaultYears_SpanTheInputs()
    {
        var assets = AssetRegistryCsvReader.Read(new StringReader("asset_id,name,commodity,iso3,lat,lon\na,A,iron,BRA,0,0\n"), "assets.csv");
        var production = ProductionCsvReader.Read(new StringReader("asset_id,year,product,tonnes\na,2019,ore,5\na,2022,ore,5\n"), "production.csv");
        var (inputs, errors) = EstimateInputsBuilder.Build(assets, production, null, null, null, CountryRegions.Default, null);
        Assert.Empty(errors);
        Assert.Equal([2019, 2020, 2021, 2022], inputs!.Years);
    }
}
