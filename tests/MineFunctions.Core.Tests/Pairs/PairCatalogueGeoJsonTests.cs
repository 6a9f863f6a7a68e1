using MineFunctions.Core.Pairs;
using MineFunctions.Testing;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class PairCatalogueGeoJsonTests
{
    // asf_search's fixture of the real 166-burst stack: a JSON array of features (trailing commas as recorded).
    // 2014-10-17: 19 m, 2014-11-10: 73 m (see SLC_BURST_stack_baselines.csv, derived from the same file).
    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack.yml")]
    public void RealBurstStack_AsAFeatureArray_GivesPairBaselines()
    {
        var c = PairCatalogueGeoJson.Read(File.ReadAllText(SharedData.Real("asf-search", "SLC_BURST_stack.yml")), "pairs.geojson");
        Assert.Equal(PairCatalogueFormats.AsfSearchStack, c.Format);
        Assert.Equal(166, c.Scenes.Count);
        var p = c.Find(new(2014, 10, 17), new(2014, 11, 10))!;
        Assert.Equal((54.0, "174", "DESCENDING", "VV", "pairs.geojson (asf_search stack)"), (p.PerpendicularBaselineM!.Value, p.Track, p.Direction, p.Polarisation, p.Source));
    }

    // results.geojson() as older asf_search versions wrote it: a FeatureCollection, the baselines beside
    // "properties" rather than inside; dates from startTime. Bperp by hand: 40 − 37 = 3 m.
    [Fact]
    public void FeatureCollection_WithBaselinesOnTheFeature_IsRead()
    {
        const string json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": null, "properties": {"sceneName": "S1B_IW_SLC__1SDV_20210114T032030_20210114T032057_025145_02FE61_454A",
                "startTime": "2021-01-14T03:20:30.566073Z", "pathNumber": 94, "flightDirection": "ASCENDING", "polarization": "VV+VH"},
               "temporalBaseline": 12, "perpendicularBaseline": 37},
              {"type": "Feature", "geometry": null, "properties": {"sceneName": "S1B_IW_SLC__1SDV_20210126T032030_20210126T032057_025320_0303F3_7BE5",
                "startTime": "2021-01-26T03:20:30.147637Z", "pathNumber": 94, "flightDirection": "ASCENDING", "polarization": "VV+VH"},
               "temporalBaseline": 24, "perpendicularBaseline": 40}
            ]}
            """;
        var c = PairCatalogueGeoJson.Read(json, "pairs.geojson");
        var p = c.Find(new(2021, 1, 14), new(2021, 1, 26))!;
        Assert.Equal((3.0, "94"), (p.PerpendicularBaselineM!.Value, p.Track));
    }

    [Fact]
    public void TwoScenesOfOneDate_WithDifferentBaselines_AreAnError()
    {
        const string json = """
            [{"properties": {"sceneName": "a_20210114", "perpendicularBaseline": 37}},
             {"properties": {"sceneName": "b_20210114", "perpendicularBaseline": 12}}]
            """;
        Assert.Contains("shares the date 2021-01-14", Assert.Throws<InvalidDataException>(() => PairCatalogueGeoJson.Read(json, "pairs.geojson")).Message);
    }

    [Fact]
    public void NotJson_IsAClearError() =>
        Assert.Contains("pairs.geojson: not valid JSON", Assert.Throws<InvalidDataException>(() => PairCatalogueGeoJson.Read("reference,secondary", "pairs.geojson")).Message);
}
