using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Mvc;
using MineFunctions.App.Options;
using MineFunctions.App.Results;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.App.Tests;

/// <summary>
/// The results page's read routes (products, maps, downloads, pairs, exports) against real blobs and
/// tables (Azurite), laid out by the storage layer's own names, and their name checks.
/// </summary>
public sealed class AssetProductRoutesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CurrentSettings Settings = new(TestOptions.Wrap(new PipelineOptions()));
    private static readonly string Key = Settings.Key;

    private async Task<(RunResults Results, ProductBlobStore Products, ResultTableStore Tables)> StoreAsync()
    {
        var products = new ProductBlobStore(new BlobServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("products-"));
        await products.EnsureContainerAsync();
        var tables = new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"));
        await tables.EnsureTablesAsync();
        return (new RunResults(new PipelineStorage(products, products, tables)), products, tables);
    }

    private static async Task<JsonElement> JsonOkAsync(IActionResult result, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var (status, contentType, body) = await HttpTestContext.ExecuteAsync(result, request);
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A 4×3 composite on a north-up UTM 34S grid with 20 m pixels, as the workflow writes it (COG).</summary>
    private static byte[] Composite(string crsWkt) =>
        GeoTiffWriter.WriteByteToBytes([new byte[12], new byte[12], new byte[12]],
            GridSpec.NorthUp(4, 3, 500_000, 7_800_000, 20, 20, crsWkt), GeoTiffOptions.Default with { CloudOptimised = true });

    [Fact]
    public async Task ProductsListTheWindowsTheGridAndEveryDownload_AndEachStreamsItsBytes()
    {
        var (results, products, tables) = await StoreAsync();
        await products.UploadAsync(StorageLayout.Composite("sishen", Key, 2019, 2021), Composite(GridCrs.Wkt(32734)), "image/tiff");
        await products.UploadAsync(StorageLayout.Composite("sishen", Key, 2020, 2022), Composite(GridCrs.Wkt(32734)), "image/tiff");
        await products.UploadAsync(StorageLayout.Classes("sishen", Key, 2020, 2022), Composite(GridCrs.Wkt(32734)), "image/tiff");
        await products.UploadAsync(StorageLayout.Png("sishen", Key, "composite_2019-2021"), "old"u8.ToArray(), "image/png");
        await products.UploadAsync(StorageLayout.Png("sishen", Key, "composite_2020-2022"), "png-c"u8.ToArray(), "image/png");
        await products.UploadAsync(StorageLayout.Counts("sishen", Key, 2020, 2022), "red,green\n1,2\n"u8.ToArray(), "text/csv");
        await products.UploadAsync(StorageLayout.Activity("sishen", Key), "year,area_m2\n2021,10\n"u8.ToArray(), "text/csv");
        // Intermediate products are not downloads.
        await products.UploadAsync(StorageLayout.Annual("sishen", Key, 2021), "annual"u8.ToArray(), "image/tiff");
        await products.UploadAsync(StorageLayout.StablePoints("sishen", Key), "points"u8.ToArray(), "image/tiff");
        await tables.UpsertAsync(new PairResultRow("sishen", Key, new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 17), 2021, 400, 0.61, 0.05, true, null, 35.5, null, null));

        var request = HttpTestContext.Request("GET", "/api/assets/sishen/products");
        var body = await JsonOkAsync(await new ResultTriggers(results, Settings).AssetProductsAsync(request, "sishen", CancellationToken.None), request);

        Assert.Equal(["2019-2021", "2020-2022"], body.GetProperty("windows").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(
            ["activity.csv", "class-black_2020-2022.png", "class-blue_2020-2022.png", "class-cyan_2020-2022.png", "class-green_2020-2022.png",
             "class-magenta_2020-2022.png", "class-red_2020-2022.png", "class-white_2020-2022.png", "class-yellow_2020-2022.png",
             "classes_2020-2022.tif", "composite_2019-2021.png", "composite_2019-2021.tif",
             "composite_2020-2022.png", "composite_2020-2022.tif", "counts_2020-2022.csv", "pairs.csv"],
            body.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var grid = body.GetProperty("grid");
        Assert.Equal(4, grid.GetProperty("width").GetInt32());
        Assert.Equal(3, grid.GetProperty("height").GetInt32());
        Assert.Equal([500_000, 20, 0, 7_800_000, 0, -20], grid.GetProperty("geoTransform").EnumerateArray().Select(v => v.GetDouble()));
        Assert.True(grid.GetProperty("hasCrs").GetBoolean());
        Assert.Equal(32734, grid.GetProperty("epsg").GetInt32());
        Assert.Equal("WGS 84 / UTM zone 34S", grid.GetProperty("crsName").GetString());
        Assert.False(grid.GetProperty("geographic").GetBoolean());
        Assert.Equal(1, grid.GetProperty("metresPerUnit").GetDouble());

        var trigger = new ResultTriggers(results, Settings);
        var png = HttpTestContext.Request("GET", "/api/assets/sishen/products/composite_2020-2022.png");
        var (status, type, text) = await HttpTestContext.ExecuteAsync(await trigger.AssetProductAsync(png, "sishen", "composite_2020-2022.png", CancellationToken.None), png);
        Assert.Equal((200, "image/png", "png-c"), (status, type, text));

        var tif = HttpTestContext.Request("GET", "/api/assets/sishen/products/composite_2020-2022.tif");
        var (_, tifType, _) = await HttpTestContext.ExecuteAsync(await trigger.AssetProductAsync(tif, "sishen", "composite_2020-2022.tif", CancellationToken.None), tif);
        Assert.Equal("image/tiff", tifType);
        Assert.StartsWith("attachment; filename=sishen_composite_2020-2022.tif", tif.HttpContext.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);

        var report = HttpTestContext.Request("GET", "/api/assets/sishen/products/pairs.csv");
        var (_, reportType, csv) = await HttpTestContext.ExecuteAsync(await trigger.AssetProductAsync(report, "sishen", "pairs.csv", CancellationToken.None), report);
        Assert.Equal("text/csv", reportType);
        Assert.StartsWith("reference,secondary,year,", csv, StringComparison.Ordinal);
        Assert.Contains("2021-01-05,2021-01-17,2021,400,0.6100,0.0500,yes,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClassQuickLookIsDrawnFromTheClassRaster_AndOneStoredByAnEarlierVersionIsNeitherListedNorServed()
    {
        var (results, products, _) = await StoreAsync();
        // 4×3 classes (ColourClass: 0 black, 1 red, 2 green, 3 yellow, 5 magenta, 7 white; 255 outside the polygon, the band's nodata).
        byte[] classes = [5, 0, 1, 255, 5, 5, 2, 255, 7, 255, 255, 3];
        var grid = GridSpec.NorthUp(4, 3, 500_000, 7_800_000, 20, 20, GridCrs.Wkt(32734));
        await products.UploadAsync(StorageLayout.Classes("sishen", Key, 2020, 2022),
            GeoTiffWriter.WriteByteToBytes([classes], grid, GeoTiffOptions.Default with { ByteNoData = 255, CloudOptimised = true }), "image/tiff");
        await products.UploadAsync(StorageLayout.Png("sishen", Key, "class-magenta_2020-2022"), "stale"u8.ToArray(), "image/png");

        var files = (await results.GetProductsAsync("sishen", Key, CancellationToken.None)).Files;
        var quickLooks = files.Where(f => f.Name.StartsWith("class-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"], quickLooks.Select(f => f.Name["class-".Length..f.Name.IndexOf('_', StringComparison.Ordinal)]));
        Assert.All(quickLooks, f => Assert.Equal((-1L, "image/png", "_2020-2022.png"), (f.Bytes, f.ContentType, f.Name[f.Name.IndexOf('_', StringComparison.Ordinal)..])));

        var request = HttpTestContext.Request("GET", "/api/assets/sishen/products/class-magenta_2020-2022.png");
        var (status, type, _) = await HttpTestContext.ExecuteAsync(await new ResultTriggers(results, Settings).AssetProductAsync(request, "sishen", "class-magenta_2020-2022.png", CancellationToken.None), request);
        Assert.Equal((200, "image/png"), (status, type));

        // Per pixel (R, G, B, A): the class's own pixels in its colour, the polygon's others grey (128), outside transparent.
        async Task<float[][]> RgbaAsync(string name)
        {
            var product = await results.OpenProductAsync("sishen", Key, name, CancellationToken.None);
            using var content = new MemoryStream();
            await using (product!.Content) await product.Content.CopyToAsync(content);
            using var image = GdalRaster.OpenBytes(content.ToArray(), name);
            Assert.Equal((4, 3), (image.Info.Width, image.Info.Height));
            return [.. Enumerable.Range(1, 4).Select(b => image.ReadFloat32(b))];
        }
        float[] Pixel(float[][] bands, int i) => [.. bands.Select(b => b[i])];
        var magenta = await RgbaAsync("class-magenta_2020-2022.png");
        foreach (var i in new[] { 0, 4, 5 }) Assert.Equal([255f, 0, 255, 255], Pixel(magenta, i));
        foreach (var i in new[] { 1, 2, 6, 8, 11 }) Assert.Equal([128f, 128, 128, 255], Pixel(magenta, i));
        foreach (var i in new[] { 3, 7, 9, 10 }) Assert.Equal(0f, Pixel(magenta, i)[3]);
        var yellow = await RgbaAsync("class-yellow_2020-2022.png");
        Assert.Equal([255f, 255, 0, 255], Pixel(yellow, 11));
        Assert.Equal([128f, 128, 128, 255], Pixel(yellow, 0));

        // No class raster, no quick-look.
        Assert.Null(await results.OpenProductAsync("sishen", Key, "class-red_2019-2021.png", CancellationToken.None));
    }

    [Fact]
    public async Task AGridWithoutACrsIsReportedSo_AndADegreesGridAsGeographic()
    {
        var (results, products, _) = await StoreAsync();
        await products.UploadAsync(StorageLayout.Composite("plain", Key, 2020, 2022), Composite(""), "image/tiff");
        await products.UploadAsync(StorageLayout.Png("plain", Key, "composite_2020-2022"), "p"u8.ToArray(), "image/png");
        await products.UploadAsync(StorageLayout.Composite("degrees", Key, 2020, 2022), Composite(GridCrs.Wkt(4326)), "image/tiff");
        await products.UploadAsync(StorageLayout.Png("degrees", Key, "composite_2020-2022"), "p"u8.ToArray(), "image/png");

        var plain = (await results.GetProductsAsync("plain", Key, CancellationToken.None)).Grid!;
        var degrees = (await results.GetProductsAsync("degrees", Key, CancellationToken.None)).Grid!;

        Assert.False(plain.HasCrs);
        Assert.Null(plain.Epsg);
        Assert.True(degrees.HasCrs);
        Assert.True(degrees.Geographic);
        Assert.Equal(4326, degrees.Epsg);
    }

    [Fact]
    public async Task AnAssetWithoutProducts_Is404_AndAMissingProductToo()
    {
        var (results, _, _) = await StoreAsync();
        var request = HttpTestContext.Request("GET", "/api/assets/nowhere/products");

        await HttpTestContext.ProblemAsync(await new ResultTriggers(results, Settings).AssetProductsAsync(request, "nowhere", CancellationToken.None), request, 404);
        var one = HttpTestContext.Request("GET", "/api/assets/nowhere/products/activity.csv");
        await HttpTestContext.ProblemAsync(await new ResultTriggers(results, Settings).AssetProductAsync(one, "nowhere", "activity.csv", CancellationToken.None), one, 404);
        var report = HttpTestContext.Request("GET", "/api/assets/nowhere/products/pairs.csv");
        await HttpTestContext.ProblemAsync(await new ResultTriggers(results, Settings).AssetProductAsync(report, "nowhere", "pairs.csv", CancellationToken.None), report, 404);
    }

    [Theory]
    [InlineData("sishen", "../../exports/x.csv")]
    [InlineData("sishen", "..")]
    [InlineData("sishen", "composite/2020-2022.tif")]
    [InlineData("sishen", "annual_2021.tif")]
    [InlineData("sishen", "stable/mask.tif")]
    [InlineData("sishen", "class-purple_2020-2022.png")]
    [InlineData("sishen", "composite_2020-2022.PNG")]
    [InlineData("sishen", "composite_2022-2020.png")]
    [InlineData("sishen", "composite_20202-022.png")]
    [InlineData("sishen", "composite_２０２０-2022.png")]
    [InlineData("sishen", "activity.csv\n")]
    [InlineData("sishen", "")]
    [InlineData("Sishen", "activity.csv")]
    [InlineData("a/b", "activity.csv")]
    [InlineData("..", "activity.csv")]
    public async Task ANameOutsideTheCatalogueOrABadAssetId_Is400_BeforeStorageIsTouched(string asset, string name)
    {
        // Storage that does not exist: a name that got through would fail on the connection, not with a 400.
        var unreachable = new ProductBlobStore(new BlobServiceClient("UseDevelopmentStorage=true"), "none");
        var results = new RunResults(new PipelineStorage(unreachable, unreachable, new ResultTableStore(new TableServiceClient("UseDevelopmentStorage=true"))));
        var request = HttpTestContext.Request("GET", "/api/assets/x/products/y");

        await HttpTestContext.ProblemAsync(await new ResultTriggers(results, Settings).AssetProductAsync(request, asset, name, CancellationToken.None), request, 400);
    }

    [Fact]
    public async Task PairsAreListedInDateOrderWithTheirVerdicts_AndAnAssetWithoutPairsIs404()
    {
        var (results, _, tables) = await StoreAsync();
        PairResultRow Pair(int month, bool accepted, string? reason) =>
            new("carajas", Key, new DateOnly(2021, month, 1), new DateOnly(2021, month, 13), 2021, 300, 0.5, 0.1, accepted, reason, null, null, null);
        await tables.UpsertAllAsync([Pair(3, false, "failed: pairs/b.tif: not a GeoTIFF"), Pair(1, true, null), Pair(2, false, "stable mean 0.21 < 0.3")]);
        var request = HttpTestContext.Request("GET", "/api/assets/carajas/pairs");

        var body = await JsonOkAsync(await new ResultTriggers(results, Settings).AssetPairsAsync(request, "carajas", CancellationToken.None), request);

        var pairs = body.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(["2021-01-01", "2021-02-01", "2021-03-01"], pairs.Select(p => p.GetProperty("reference").GetString()));
        Assert.Equal([true, false, false], pairs.Select(p => p.GetProperty("accepted").GetBoolean()));
        Assert.Equal("failed: pairs/b.tif: not a GeoTIFF", pairs[2].GetProperty("reason").GetString());
        var none = HttpTestContext.Request("GET", "/api/assets/other/pairs");
        await HttpTestContext.ProblemAsync(await new ResultTriggers(results, Settings).AssetPairsAsync(none, "other", CancellationToken.None), none, 404);
    }

    [Fact]
    public async Task ExportsListTheSectorCsvsAndEstimate_AndStreamThemByName()
    {
        var (results, products, _) = await StoreAsync();
        var sources = ClimateTraceFormat.SourcesFileName(Commodity.Iron);
        var confidence = ClimateTraceFormat.ConfidenceFileName(Commodity.Iron);
        await products.UploadAsync(StorageLayout.Export(Key, sources), "source_id\n1\n"u8.ToArray(), "text/csv");
        await products.UploadAsync(StorageLayout.Export(Key, confidence), "source_id,conf\n"u8.ToArray(), "text/csv");
        await products.UploadAsync(StorageLayout.Export(Key, "estimate.json"), "{}"u8.ToArray(), "application/json");
        var list = HttpTestContext.Request("GET", "/api/exports");

        var body = await JsonOkAsync(await new ResultTriggers(results, Settings).ExportsAsync(list, CancellationToken.None), list);

        Assert.Equal(["estimate.json", "iron-mining_emissions-sources.csv", "iron-mining_emissions-sources_confidence.csv"],
            body.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("source_id\n1\n".Length, body.GetProperty("files")[1].GetProperty("bytes").GetInt64());
        var trigger = new ResultTriggers(results, Settings);
        var get = HttpTestContext.Request("GET", "/api/exports/files/" + confidence);
        var (status, type, text) = await HttpTestContext.ExecuteAsync(await trigger.ExportFileAsync(get, confidence, CancellationToken.None), get);
        Assert.Equal((200, "text/csv", "source_id,conf\n"), (status, type, text));
        var missing = HttpTestContext.Request("GET", "/api/exports/files/x");
        await HttpTestContext.ProblemAsync(await trigger.ExportFileAsync(missing, ClimateTraceFormat.SourcesFileName(Commodity.Copper), CancellationToken.None), missing, 404);
        foreach (var bad in new[] { "../estimate.json", "estimate.JSON", "gold-mining_emissions-sources.csv", "activity.csv" })
        {
            var request = HttpTestContext.Request("GET", "/api/exports/files/x");
            await HttpTestContext.ProblemAsync(await trigger.ExportFileAsync(request, bad, CancellationToken.None), request, 400);
        }
    }
}
