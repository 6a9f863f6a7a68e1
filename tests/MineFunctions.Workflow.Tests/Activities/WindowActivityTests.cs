using MineFunctions.Core.Contracts;
using MineFunctions.Workflow.Runs;
using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>The composite and mined-area activities against an in-memory store, with classes and areas worked out by hand (METHOD.md §1.5).</summary>
public sealed class WindowActivityTests
{
    [Fact]
    public async Task Composite_ByTheChannelRule_ClassifiesInsideThePolygonAndCounts()
    {
        var store = new InMemoryProductStore();
        var scope = Scope(new PipelineSettings { ClassRule = "threshold" });
        var key = Key(scope);
        // NDAI 0.5 → 0.5/0.6 × 255 = 212.5 → 213 (high, ≥ 0.5 × 255); 0.05 → 21.25 → 21 (low). Per pixel (year 1, 2, 3):
        // 0 R, 1 G, 2 W, 3 outside, 4 K, 5 B, 6 no year-1 data, 7 outside.
        float h = 0.5f, l = 0.05f, nan = float.NaN;
        store.PutProduct(StorageLayout.Annual(Asset, key, 2020), Float32(h, l, h, h, l, l, nan, h));
        store.PutProduct(StorageLayout.Annual(Asset, key, 2021), Float32(l, h, h, h, l, l, h, h));
        store.PutProduct(StorageLayout.Annual(Asset, key, 2022), Float32(l, l, h, h, l, h, h, h));
        // Columns 0–2 of both rows (x 500000–500030): pixel centres 5, 15, 25 m inside, 35 m outside.
        store.PutInputText($"{Asset}/polygon.geojson", PolygonGeoJson(500_000, 4_999_980, 500_030, 5_000_000));

        var outcome = await new CompositeActivity(store).RunAsync(null!, new WindowTask(scope, 2020));

        // Black, red, green, yellow, blue, magenta, cyan, white (ColourClass values 0–7).
        Assert.Equal([1L, 1, 1, 0, 1, 0, 0, 1], outcome.CountsByClass);
        Assert.Equal(100, outcome.PixelAreaM2, 9); // 10 m × 10 m, the grid's own area
        Assert.Equal("threshold", outcome.ClassRule);
        Assert.Null(outcome.UncertainPixels);
        // 255 (outside or no data) is the band's nodata: it reads back as NaN.
        AssertClose([1, 2, 7, float.NaN, 0, 4, float.NaN, float.NaN], store.ProductFloat32(StorageLayout.Classes(Asset, key, 2020, 2022)));
        Assert.Equal("class,pixels", store.ProductText(StorageLayout.Counts(Asset, key, 2020, 2022)).Split('\n')[0]);
        Assert.Contains(StorageLayout.Png(Asset, key, "composite_2020-2022"), store.ProductNames);
        // The class quick-looks are not stored: they are drawn on request from the class raster, which holds each pixel's class.
        Assert.DoesNotContain(store.ProductNames, n => n.Contains("/png/class-", StringComparison.Ordinal));
        var (classes, width, height) = ClassQuickLooks.Decode(store.Product(StorageLayout.Classes(Asset, key, 2020, 2022)), "classes.tif", RasterReadOptions.Default);
        Assert.Equal((4, 2), (width, height));
        Assert.Equal([1, 2, 7, 255, 0, 4, 255, 255], classes);
        var row = Assert.Single(store.Rows<ClassCountsRow>());
        Assert.Equal(5, row.Counts.Total);
        Assert.Equal(StorageLayout.Composite(Asset, key, 2020, 2022), row.CompositeBlob);

        // Idempotent: the same inputs again write nothing.
        var writes = store.Writes;
        await new CompositeActivity(store).RunAsync(null!, new WindowTask(scope, 2020));
        Assert.Equal(writes, store.Writes);
    }

    [Fact]
    public async Task Composite_ByTheAdaptiveRule_TakesTheCountsFromTheAnnualBands_AsFromTheRastersEarlierBuildsWrote()
    {
        var scope = Scope(new PipelineSettings { ClassRule = "adaptive" });
        var key = Key(scope);
        float[][] means = [[0.6f, 0.1f, 0.5f, 0.2f, 0.7f, 0.1f, 0.4f, 0.3f], [0.1f, 0.6f, 0.5f, 0.2f, 0.1f, 0.7f, 0.3f, 0.4f], [0.5f, 0.5f, 0.1f, 0.2f, 0.6f, 0.6f, 0.2f, 0.1f]];
        float[][] pairs = [[4, 4, 4, 4, 4, 4, 4, 4], [4, 3, 4, 2, 4, 4, 4, 4], [4, 4, 4, 4, 3, 4, 4, 4]];
        float[][] disturbed = [[4, 0, 3, 0, 4, 0, 2, 1], [0, 3, 3, 0, 0, 4, 1, 2], [3, 4, 0, 0, 3, 4, 0, 0]];
        // Each year as one raster of three bands (as AnnualMeanActivity writes it), or as the three rasters of builds before it.
        InMemoryProductStore Stage(bool banded, bool swapCounts = false)
        {
            var store = new InMemoryProductStore();
            store.PutProduct(StorageLayout.StableMask(Asset, key), Byte(1, 0, 0, 1, 0, 0, 0, 1));
            store.PutProduct(StorageLayout.StableMean(Asset, key), Float32(0.9f, 0.5f, 0.5f, 0.85f, 0.5f, 0.5f, 0.5f, 0.95f));
            store.PutInputText($"{Asset}/polygon.geojson", PolygonGeoJson(500_000, 4_999_980, 500_040, 5_000_000));
            for (var i = 0; i < 3; i++)
            {
                var (p, d) = swapCounts ? (disturbed[i], pairs[i]) : (pairs[i], disturbed[i]);
                if (banded)
                {
                    store.PutProduct(StorageLayout.Annual(Asset, key, 2020 + i), GeoTiffWriter.WriteFloat32BandsToBytes([means[i], p, d], Grid));
                    continue;
                }
                store.PutProduct(StorageLayout.Annual(Asset, key, 2020 + i), Float32(means[i]));
                store.PutProduct(StorageLayout.AnnualCount(Asset, key, 2020 + i), Float32(p));
                store.PutProduct(StorageLayout.AnnualDisturbed(Asset, key, 2020 + i), Float32(d));
            }
            return store;
        }

        var (banded, apart, swapped) = (Stage(banded: true), Stage(banded: false), Stage(banded: false, swapCounts: true));
        var outcomes = new List<WindowOutcome>();
        foreach (var store in new[] { banded, apart, swapped }) outcomes.Add(await new CompositeActivity(store).RunAsync(null!, new WindowTask(scope, 2020)));

        // The banded rasters are read once a year, nothing beside them; the classes are those of the same counts kept apart.
        Assert.Equal(3, banded.Reads.Count(r => r.Name.Contains("/annual/", StringComparison.Ordinal)));
        Assert.Equal(outcomes[1].CountsByClass, outcomes[0].CountsByClass);
        var classes = StorageLayout.Classes(Asset, key, 2020, 2022);
        Assert.Equal(apart.Product(classes), banded.Product(classes));
        // And the counts matter: the pairs and disturbed pairs the other way round classify otherwise.
        Assert.NotEqual(apart.Product(classes), swapped.Product(classes));
    }

    [Fact]
    public async Task Composite_WithoutAPolygon_SaysSo()
    {
        var store = new InMemoryProductStore();
        var scope = Scope(new PipelineSettings { ClassRule = "hsv" });
        for (var y = 2020; y <= 2022; y++) store.PutProduct(StorageLayout.Annual(Asset, Key(scope), y), Float32(0, 0, 0, 0, 0, 0, 0, 0));
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new CompositeActivity(store).RunAsync(null!, new WindowTask(scope, 2020)));
        Assert.Contains("no mine polygon", ex.Message);
    }

    [Fact]
    public async Task AssetArea_TakesEachYearFromItsLatestWindow()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        var key = Key(scope);
        // Window 2020–2022: R 10, Y 2, M 3, W 5, G 4, C 1, B 6 → 2022 (year 3) = B + C + M + W = 6 + 1 + 3 + 5 = 15.
        // Window 2021–2023: G 20, W 1, others 0 → 2021 (its year 1) = R + Y + M + W = 1; 2022 (year 2) = G + Y + C + W = 21;
        // 2023 (year 3) = B + C + M + W = 1. 2020 has only the first window: R + Y + M + W = 10 + 2 + 3 + 5 = 20.
        var first = new WindowOutcome(2020, [0, 10, 4, 2, 6, 3, 1, 5], 100, "adaptive", [8, 6, 4]);
        var second = new WindowOutcome(2021, [0, 0, 20, 0, 0, 0, 0, 1], 100, "adaptive", [2, 3, 4]);
        YearPairs[] years = [new(2020, 5, 1, 0.1), new(2021, 4, 0, 0.2), new(2022, 0, 2, null), new(2023, 3, 0, 0.3), new(2024, 1, 0, 0.4)];

        Assert.Equal(5, await new AssetAreaActivity(store).RunAsync(null!, new AssetAreaTask(scope, [first, second], years)));

        var rows = store.Rows<AnnualActivityRow>().ToDictionary(r => r.Year);
        Assert.Equal((20L, 2000.0, 8L, 400.0), (rows[2020].ActivePixels!.Value, rows[2020].ActiveAreaM2!.Value, rows[2020].UncertainPixels!.Value, rows[2020].ActiveAreaUncertaintyM2!.Value));
        Assert.Equal((1L, 100.0, 2L), (rows[2021].ActivePixels!.Value, rows[2021].ActiveAreaM2!.Value, rows[2021].UncertainPixels!.Value));
        Assert.Equal((21L, 2100.0, 3L, 150.0), (rows[2022].ActivePixels!.Value, rows[2022].ActiveAreaM2!.Value, rows[2022].UncertainPixels!.Value, rows[2022].ActiveAreaUncertaintyM2!.Value));
        Assert.Null(rows[2022].AnnualBlob); // no accepted pair, no annual mean
        Assert.Equal(StorageLayout.Annual(Asset, key, 2020), rows[2020].AnnualBlob);
        Assert.Equal(1L, rows[2023].ActivePixels);
        Assert.Null(rows[2024].ActivePixels); // no window covers 2024
        Assert.Null(rows[2024].ActiveAreaM2);
        Assert.Equal(0.4, rows[2024].MeanNdai);
    }
}
