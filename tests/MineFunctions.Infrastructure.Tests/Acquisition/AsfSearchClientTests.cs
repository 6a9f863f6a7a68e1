using System.Globalization;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Testing.Acquisition;

namespace MineFunctions.Infrastructure.Tests.Acquisition;

/// <summary>The ASF search client against the local fake, replaying asf_search's recorded responses.</summary>
public sealed class AsfSearchClientTests
{
    private const string Wkt = "POLYGON((-136 57,-135.8 57,-135.8 57.1,-136 57.1,-136 57))";

    [Fact]
    public void TheRequest_AsksForSentinel1IwBurstsOverThePolygonSinceTheStart_AsGeoJson()
    {
        var client = new AsfSearchClient(new HttpClient(), new Uri("https://example.test/"));
        var uri = client.RequestUri(new AsfSearchQuery(Wkt, new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("/services/search/param", uri.AbsolutePath);
        var q = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("SENTINEL-1", q["platform"]);
        Assert.Equal("IW", q["beamMode"]);
        Assert.Equal("BURST", q["processingLevel"]);
        Assert.Equal("VV", q["polarization"]);
        Assert.Equal(Wkt, q["intersectsWith"]);
        Assert.Equal("2021-03-01T00:00:00Z", q["start"]);
        Assert.Equal("geojson", q["output"]);

        var slc = System.Web.HttpUtility.ParseQueryString(client.RequestUri(new AsfSearchQuery(Wkt, DateTimeOffset.UnixEpoch, Bursts: false)).Query);
        Assert.Equal("SLC", slc["processingLevel"]);
        Assert.Null(slc["polarization"]);
    }

    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack.yml")]
    public async Task TheRecordedBurstStack_IsReadWithItsBurstIdDatesAndBaselines()
    {
        await using var server = new FakeAsfHyp3Server { SearchFeatures = RecordedAsfSearch.Features("SLC_BURST_stack.yml") };
        var client = new AsfSearchClient(new HttpClient(), server.ApiUrl);
        var scenes = await client.SearchAsync(new AsfSearchQuery(Wkt, new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var csv = File.ReadAllLines(SharedData.Real("asf-search", "SLC_BURST_stack_baselines.csv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(csv.Count, scenes.Count);
        Assert.All(scenes, s => Assert.Equal(("174_372326_IW3", 174, "DESCENDING", "VV"), (s.StackId, s.Track, s.Direction, s.Polarisation)));
        var first = scenes.Single(s => s.SceneName == "S1_372326_IW3_20141017T151617_VV_3B42-BURST");
        Assert.Equal(new DateOnly(2014, 10, 17), first.Date);
        Assert.Equal(19, first.PerpendicularBaselineM);
        foreach (var row in csv) Assert.Equal(double.Parse(row[9], CultureInfo.InvariantCulture), scenes.Single(s => s.SceneName == row[0]).PerpendicularBaselineM);

        // The start date is honoured by the server; the client keeps what it gets.
        var since2021 = await client.SearchAsync(new AsfSearchQuery(Wkt, new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(csv.Count(r => string.CompareOrdinal(r[2], "2021-01-01") >= 0), since2021.Count);
    }

    [SharedDataFact("data", "real", "asf-search", "Fairbanks_S1_stack.yml")]
    public async Task TheRecordedSlcStack_IsOneFrameStackOfDualPolScenes()
    {
        await using var server = new FakeAsfHyp3Server { SearchFeatures = RecordedAsfSearch.Features("Fairbanks_S1_stack.yml") };
        var scenes = await new AsfSearchClient(new HttpClient(), server.ApiUrl).SearchAsync(new AsfSearchQuery(Wkt, DateTimeOffset.UnixEpoch, Bursts: false));
        Assert.Equal(3, scenes.Count);
        Assert.All(scenes, s => Assert.Equal(("94-210", "ASCENDING", "VV+VH"), (s.StackId, s.Direction, s.Polarisation)));
        Assert.Equal(new double?[] { 0, 37, 40 }, scenes.OrderBy(s => s.StartTime).Select(s => s.PerpendicularBaselineM));
        var plan = AcquisitionPairing.Form(scenes, new AcquisitionPairingRules());
        Assert.Equal(2, plan.Pairs.Count);
    }

    [SharedDataFact("data", "real", "asf-search", "SLC_BURST.yml")]
    public async Task ASingleRecordedBurstWithoutBaselineFields_HasAnUnknownBaseline()
    {
        await using var server = new FakeAsfHyp3Server { SearchFeatures = RecordedAsfSearch.Features("SLC_BURST.yml") };
        var scene = Assert.Single(await new AsfSearchClient(new HttpClient(), server.ApiUrl).SearchAsync(new AsfSearchQuery(Wkt, DateTimeOffset.UnixEpoch)));
        Assert.Equal("S1_372326_IW3_20180815T151558_VV_6BD3-BURST", scene.SceneName);
        Assert.Null(scene.PerpendicularBaselineM);
    }

    [SharedDataFact("data", "real", "hyp3", "api", "INSAR_ISCE_BURST.yml")]
    public async Task ARefusedQuery_FailsWithTheServersReport()
    {
        await using var server = new FakeAsfHyp3Server();
        var client = new AsfSearchClient(new HttpClient(), server.ApiUrl);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.SearchAsync(new AsfSearchQuery("LINESTRING(0 0,1 1)", DateTimeOffset.UnixEpoch)));
        Assert.Contains("400", ex.Message);
        Assert.Contains("intersectsWith", ex.Message);
    }

    [Fact]
    public void MalformedResponses_AreNamed()
    {
        using var noFeatures = System.Text.Json.JsonDocument.Parse("{\"results\":[]}");
        Assert.Contains("FeatureCollection", Assert.Throws<InvalidDataException>(() => AsfSearchClient.Parse(noFeatures.RootElement)).Message);
        using var noTrack = System.Text.Json.JsonDocument.Parse("{\"features\":[{\"properties\":{\"sceneName\":\"x\",\"startTime\":\"2021-01-01T00:00:00Z\"}}]}");
        Assert.Contains("pathNumber", Assert.Throws<InvalidDataException>(() => AsfSearchClient.Parse(noTrack.RootElement)).Message);
    }

    [Fact]
    public void ThePolygonEnvelope_IsTheSearchArea()
    {
        const string geojson = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[22.99,-27.19],[23.05,-27.21],[23.02,-27.12],[22.99,-27.19]]]}}";
        Assert.Equal("POLYGON((22.99 -27.21,23.05 -27.21,23.05 -27.12,22.99 -27.12,22.99 -27.21))", PolygonEnvelope.WktOf(geojson));
        Assert.Throws<InvalidDataException>(() => PolygonEnvelope.WktOf("{\"type\":\"Polygon\",\"coordinates\":[[[500000,7000000],[500100,7000000],[500100,7000100],[500000,7000000]]]}"));
        Assert.Throws<InvalidDataException>(() => PolygonEnvelope.WktOf("{\"type\":\"FeatureCollection\",\"features\":[]}"));
    }
}
