using System.Text;
using System.Text.Json;
using MineFunctions.App.Results;
using MineFunctions.App.Http;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Runs;
using Moq;

namespace MineFunctions.App.Tests;

public sealed class ProductEndpointTests
{
    private static readonly CurrentSettings Settings = new(TestOptions.Wrap(new MineFunctions.App.Options.PipelineOptions()));

    [Fact]
    public async Task GivenAnAssetWithResults_ThenResultsReturnsItsYearsAsJson()
    {
        var reader = new Mock<IRunResults>();
        var emissions = new EmissionsRow("sishen", Settings.Key, 2021, "iron", "ZAF", 11_689_100, 37.9e6, "medium", 0.0102, "low", 386_700, "medium", 41_000);
        // A year with an activity row but no emissions yet is not a result of this endpoint.
        var activityOnly = new AnnualActivityRow("sishen", Settings.Key, 2024, 10, 1, 0.2, null, 12, 900, 10_800);
        reader.Setup(r => r.GetAssetYearsAsync("sishen", Settings.Key, It.IsAny<CancellationToken>())).ReturnsAsync(
            [new AssetYear(2021, null, emissions), new AssetYear(2024, activityOnly, null)]);
        var request = HttpTestContext.Request("GET", "/api/assets/sishen/results");

        var result = await new ResultTriggers(reader.Object, Settings).AssetResultsAsync(request, "sishen", CancellationToken.None);

        var (status, contentType, body) = await HttpTestContext.ExecuteAsync(result, request);
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var year = JsonDocument.Parse(body).RootElement.GetProperty("years")[0];
        Assert.Equal(2021, year.GetProperty("year").GetInt32());
        Assert.Equal(11_689_100, year.GetProperty("areaM2").GetDouble());
        Assert.Equal("medium", year.GetProperty("confidence").GetString());
        Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("years").GetArrayLength());
    }

    [Fact]
    public async Task GivenAnAssetWithoutResults_ThenResultsIs404Problem()
    {
        var request = HttpTestContext.Request("GET", "/api/assets/nowhere/results");
        var reader = new Mock<IRunResults>();
        reader.Setup(r => r.GetAssetYearsAsync("nowhere", Settings.Key, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var result = await new ResultTriggers(reader.Object, Settings).AssetResultsAsync(request, "nowhere", CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 404);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("carajas\n")] // a trailing newline, which a regex ending in '$' lets through
    [InlineData("a.b")]
    [InlineData("Carajas")]
    public async Task GivenAnInvalidAssetId_ThenResultsIs400AndTheTablesAreNotRead(string asset)
    {
        var reader = new Mock<IRunResults>(MockBehavior.Strict);
        var request = HttpTestContext.Request("GET", "/api/assets/x/results");

        var result = await new ResultTriggers(reader.Object, Settings).AssetResultsAsync(request, asset, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 400);
    }

    [Fact]
    public async Task GivenAnExportedSector_ThenTheCsvIsStreamedAsTextCsv()
    {
        var products = new Mock<IRunResults>();
        products.Setup(p => p.OpenSectorExportAsync(MineFunctions.Core.Inputs.Commodity.Iron, Settings.Key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProductContent(new MemoryStream(Encoding.UTF8.GetBytes("source_id,iso3_country\n")), "text/csv"));
        var request = HttpTestContext.Request("GET", "/api/exports/iron-mining.csv");

        var result = await new ResultTriggers(products.Object, Settings).SectorExportAsync(request, "iron-mining", CancellationToken.None);

        var (status, contentType, body) = await HttpTestContext.ExecuteAsync(result, request);
        Assert.Equal(200, status);
        Assert.Equal("text/csv", contentType);
        Assert.Equal("attachment; filename=iron-mining.csv", request.HttpContext.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("source_id,iso3_country\n", body);
    }

    [Theory]
    [InlineData("Iron-Mining")]
    [InlineData("iron_mining")]
    [InlineData("gold-mining")]
    [InlineData("..")]
    public async Task GivenAnInvalidSector_ThenExportIs400(string sector)
    {
        var request = HttpTestContext.Request("GET", "/api/exports/x.csv");
        var result = await new ResultTriggers(new Mock<IRunResults>(MockBehavior.Strict).Object, Settings).SectorExportAsync(request, sector, CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 400);
    }

    [Fact]
    public async Task GivenASectorNotExportedYet_ThenExportIs404()
    {
        var request = HttpTestContext.Request("GET", "/api/exports/copper-mining.csv");
        var result = await new ResultTriggers(Mock.Of<IRunResults>(), Settings).SectorExportAsync(request, "copper-mining", CancellationToken.None);

        await HttpTestContext.ProblemAsync(result, request, 404);
    }

    [Fact]
    public async Task GivenAnAssetWithAComposite_ThenThePngIsStreamed()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var products = new Mock<IRunResults>();
        products.Setup(p => p.OpenCompositePngAsync("sishen", Settings.Key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProductContent(new MemoryStream(png), "image/png"));
        var request = HttpTestContext.Request("GET", "/api/assets/sishen/composite.png");

        var result = await new ResultTriggers(products.Object, Settings).CompositePngAsync(request, "sishen", CancellationToken.None);

        var file = Assert.IsType<AppApi.ApiActionResult>(result).Response;
        Assert.Equal("image/png", file.ContentType);
        var (status, _, _) = await HttpTestContext.ExecuteAsync(result, request);
        Assert.Equal(200, status);
        Assert.Equal(png, ((MemoryStream)request.HttpContext.Response.Body).ToArray());
    }

    [Fact]
    public async Task GivenNoCompositeOrABadAsset_ThenCompositeIs404Or400()
    {
        var request = HttpTestContext.Request("GET", "/api/assets/sishen/composite.png");
        var trigger = new ResultTriggers(Mock.Of<IRunResults>(), Settings);

        await HttpTestContext.ProblemAsync(await trigger.CompositePngAsync(request, "sishen", CancellationToken.None), request, 404);
        var bad = HttpTestContext.Request("GET", "/api/assets/x/composite.png");
        await HttpTestContext.ProblemAsync(await trigger.CompositePngAsync(bad, "a/b", CancellationToken.None), bad, 400);
    }

    [Fact]
    public async Task HealthReportsTheVersionsAsJson()
    {
        var request = HttpTestContext.Request("GET", "/api/health");

        var (status, contentType, body) = await HttpTestContext.ExecuteAsync(new PageTriggers().Health(request), request);

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.StartsWith("GDAL 3.", json.GetProperty("gdal").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(".NET 10", json.GetProperty("runtime").GetString(), StringComparison.Ordinal);
    }
}
