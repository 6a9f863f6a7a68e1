using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

public sealed class EstimateJsonTests
{
    [Fact]
    public void Json_CarriesTheSameNumbersAsTheCsv_Unrounded_AndRoundTrips()
    {
        var asset = new Asset("s1", "Sishen", Commodity.Iron, "ZAF", -27.7589, 23, "sishen.geojson");
        var row = EmissionsEstimator.Combine(asset, 2022,
            new ActivityEstimate(35_000_000, Confidence.Medium, 1e6, ActivityMethod.InsarPooledTonnesPerSquareMetre, 2022, Factor: 3.2, PoolLevel: PoolLevel.Regional, PoolSize: 4),
            new EmissionFactorEstimate(0.0116, Confidence.VeryLow, 0.002, EmissionFactorSource.RegionalMean, 5));
        var json = EstimateJson.Serialize(new EstimateResult([2022], [row], ["a warning"]));

        Assert.Contains("\"co2e_100yr_t\"", json);
        Assert.Contains("\"method\": \"insar_pooled_tonnes_per_square_metre\"", json);
        Assert.Contains("\"confidence\": \"very low\"", json);
        var doc = EstimateJson.Deserialize(json)!;
        var year = doc.Assets.Single().Years.Single();
        Assert.Equal(35_000_000 * 0.0116, year.Co2T!.Value, 6);
        Assert.Equal(year.Co2T, year.Co2e100yrT);
        Assert.Equal(year.Co2T, year.Co2e20yrT);
        Assert.Null(year.Ch4T);
        Assert.Null(year.N2oT);
        Assert.Equal("very low", year.EmissionsConfidence);
        Assert.Equal("regional", year.Activity!.PoolLevel);
        Assert.Equal("trace_23_-27.7589", doc.Assets.Single().GeometryRef);
        Assert.Equal(["a warning"], doc.Warnings);
    }
}
