using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>
/// The per-pixel activities against an in-memory store, on 4 × 2 rasters whose expected values are
/// worked out by hand from METHOD.md §1.3–1.4 (time mean and population std; NDAI = (ρ̄ − ρ)/(ρ̄ + ρ)).
/// </summary>
public sealed class PixelActivityTests
{
    private static readonly DateOnly D1 = new(2020, 1, 1), D2 = new(2020, 1, 13), D3 = new(2020, 1, 25), D4 = new(2020, 2, 6);

    [Fact]
    public async Task Coherence_OfAnSlcPair_IsTheWindowedSampleCoherence()
    {
        var store = new InMemoryProductStore();
        // A 2 × 1 window: pixel x takes samples x − 1 and x of its row (truncated to x at the left edge).
        var scope = Scope(new PipelineSettings { WindowX = 2, WindowY = 1 });
        // Reference 1 everywhere; secondary row 0: 1, i, −1, 1; row 1: 2 everywhere (complex64 as re, im).
        float[] reference = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
        float[] secondary = [1, 0, 0, 1, -1, 0, 1, 0, 2, 0, 2, 0, 2, 0, 2, 0];
        store.PutInput(StorageLayout.SlcRaster(Asset, D1), GeoTiffWriter.WriteComplex64ToBytes(reference, Grid));
        store.PutInput(StorageLayout.SlcRaster(Asset, D2), GeoTiffWriter.WriteComplex64ToBytes(secondary, Grid));
        var pair = new PairWork(StorageLayout.PairId(D1, D2), D1, D2, 2020, true, null);

        var outcome = await new CoherenceActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.Equal(new CoherenceOutcome(pair.PairId, true, 0, null), outcome);
        // γ = |Σ s1·conj(s2)| / √(Σ|s1|² Σ|s2|²). Row 0: x0 1/1 = 1; x1 |1 − i|/√(2·2) = √2/2; x2 |−i − 1|/2 = √2/2;
        // x3 |−1 + 1|/2 = 0. Row 1: x0 2/√(1·4) = 1, then 4/√(2·8) = 1 (a real gain leaves coherence 1).
        var h = MathF.Sqrt(2) / 2;
        AssertClose([1, h, h, 0, 1, 1, 1, 1], store.ProductFloat32(StorageLayout.Coherence(Asset, Key(scope), D1, D2)));
    }

    [Fact]
    public async Task StableStatistics_WritesMaskMeanAndStd_AndRecordsAnUnreadablePair()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        // Pixel 0 constant 0.9 → stable. Pixel 1: 0.5, 0.9, 0.7 → mean 0.7 < 0.8. Pixel 2: 1, 0.6, 1 → mean 0.8667,
        // std √(0.10667/3) = 0.18856 ≤ 0.2 → stable. Pixel 3: a 0 (user nodata) leaves 2 pairs < 3 → not stable.
        // Pixels 4–7 have no data in any pair (0 = nodata in a user's raster).
        var pairs = new List<PairWork>
        {
            PutPair(store, D1, D2, 0.9f, 0.5f, 1.0f, 0.95f, 0, 0, 0, 0),
            PutPair(store, D2, D3, 0.9f, 0.9f, 0.6f, 0.95f, 0, 0, 0, 0),
            PutPair(store, D3, D4, 0.9f, 0.7f, 1.0f, 0f, 0, 0, 0, 0),
        };
        store.PutInput($"{Asset}/pairs/20200101_20200125.tif", "not a raster"u8.ToArray());
        pairs.Add(new PairWork("20200101_20200125", D1, D3, 2020, false, $"{Asset}/pairs/20200101_20200125.tif"));

        await StoredLists.WriteAsync(store, "runs/run-1/pairs.json", pairs);
        var summary = await new StableStatisticsActivity(store).RunAsync(null!, new StableTask(scope, "runs/run-1/pairs.json", []));

        Assert.Equal(2, summary.StablePixels);
        Assert.Equal(4, summary.ValidPixels);
        Assert.Equal(3, summary.Pairs);
        var unreadable = Assert.Single(summary.Unreadable!);
        Assert.Equal("20200101_20200125", unreadable.PairId);
        Assert.StartsWith("failed: ", unreadable.Reason);
        var key = Key(scope);
        // One raster, three bands: the mask, the time mean and the time std; nothing written apart.
        var stack = StorageLayout.StablePoints(Asset, key);
        Assert.Equal(3, store.ProductBands(stack));
        AssertClose([1, 0, 1, 0, 0, 0, 0, 0], store.ProductFloat32(stack));
        AssertClose([0.9f, 0.7f, 0.8666667f, 0.95f, float.NaN, float.NaN, float.NaN, float.NaN], store.ProductFloat32(stack, band: 2));
        AssertClose([0, 0.1632993f, 0.1885618f, 0, float.NaN, float.NaN, float.NaN, float.NaN], store.ProductFloat32(stack, band: 3));
        Assert.DoesNotContain(store.ProductNames, n => n.EndsWith("/stable/mask.tif", StringComparison.Ordinal) || n.EndsWith("/stable/mean.tif", StringComparison.Ordinal));
        var row = Assert.Single(store.Rows<PairResultRow>());
        Assert.False(row.Accepted);
        Assert.StartsWith("failed: ", row.Reason);
    }

    [Fact]
    public async Task StableStatistics_OfNoPair_WritesNothing()
    {
        var store = new InMemoryProductStore();
        await StoredLists.WriteAsync(store, "runs/run-1/pairs.json", Array.Empty<PairWork>());
        var before = store.Writes;
        Assert.Equal(new StableSummary(0, 0, 0), await new StableStatisticsActivity(store).RunAsync(null!, new StableTask(Scope(), "runs/run-1/pairs.json", [])));
        Assert.Equal(before, store.Writes);
    }

    [Fact]
    public async Task Ndai_OfAnAcceptedPair_WritesItsNdaiAndRow()
    {
        var (store, scope) = WithStableMask();
        // Stable pixels 0 and 2: mean (0.95 + 0.75)/2 = 0.85 ≥ 0.8, std 0.1 ≤ 0.2 → accepted.
        // NDAI = (0.85 − ρ)/(0.85 + ρ): −0.1/1.8, 0.55/1.15, 0.1/1.6; pixel 3 is 0 (a user raster's nodata); pixels 4–7 are 0.85 → 0.
        var pair = PutPair(store, D1, D2, 0.95f, 0.3f, 0.75f, 0, 0.85f, 0.85f, 0.85f, 0.85f);

        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.True(outcome.Accepted);
        Assert.False(outcome.Failed);
        Assert.Equal(0.85, outcome.StableMean, 6);
        Assert.Equal(0.1, outcome.StableStd, 6);
        var ndaiBlob = StorageLayout.Ndai(Asset, Key(scope), D1, D2);
        AssertClose([-0.1f / 1.8f, 0.55f / 1.15f, 0.1f / 1.6f, float.NaN, 0, 0, 0, 0], store.ProductFloat32(ndaiBlob));
        var row = Assert.Single(store.Rows<PairResultRow>());
        Assert.True(row.Accepted);
        Assert.Equal(2, row.StablePixels);
        Assert.Equal(ndaiBlob, row.NdaiBlob);
    }

    [Fact]
    public async Task Ndai_OfARejectedPair_WritesItsRowAndNoRaster()
    {
        var (store, scope) = WithStableMask();
        // Stable mean (0.5 + 0.6)/2 = 0.55 < 0.8: rain on the bedrock.
        var pair = PutPair(store, D1, D2, 0.5f, 0.9f, 0.6f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f);

        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.False(outcome.Accepted);
        Assert.Equal("stable mean 0.550 < 0.800", outcome.Reason);
        Assert.DoesNotContain(store.ProductNames, n => n.Contains("/ndai/", StringComparison.Ordinal));
        Assert.Null(Assert.Single(store.Rows<PairResultRow>()).NdaiBlob);
    }

    [Fact]
    public async Task Ndai_OfAMissingRaster_IsAFailedPair()
    {
        var store = new InMemoryProductStore();
        var pair = new PairWork("20200101_20200113", D1, D2, 2020, false, $"{Asset}/pairs/20200101_20200113.tif");
        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(Scope(), pair));
        Assert.True(outcome.Failed);
        Assert.Contains("deleted during the run", outcome.Reason);
    }

    [Fact]
    public async Task AnnualMean_WritesMeanCountsAndDisturbedCounts()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        var key = Key(scope);
        // Stable coherence = median(0.9, 0.9) = 0.9. With 7 × 2 = 14 looks, ρ₀ = Γ(14)Γ(3/2)/Γ(14.5) ≈ 0.2390
        // (METHOD.md §3), decorrelated NDAI (0.9 − 0.239)/(0.9 + 0.239) ≈ 0.580, level 0.7 × that ≈ 0.406:
        // 0.5, 0.8 and 0.9 are disturbed, 0.1–0.3 are not.
        store.PutProduct(StorageLayout.StablePoints(Asset, key), StablePoints([1, 1, 0, 0, 0, 0, 0, 0], [0.9f, 0.9f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f]));
        store.PutProduct(StorageLayout.Ndai(Asset, key, D1, D2), Float32(0.1f, 0.9f, float.NaN, 0.2f, float.NaN, float.NaN, float.NaN, float.NaN));
        store.PutProduct(StorageLayout.Ndai(Asset, key, D2, D3), Float32(0.3f, 0.8f, 0.5f, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN));

        var outcome = await new AnnualMeanActivity(store).RunAsync(null!, new AnnualTask(scope, 2020, ["20200101_20200113", "20200113_20200125"]));

        // Means 0.2, 0.85, 0.5, 0.2 over 4 valid pixels: spatial mean 1.75/4.
        Assert.Equal(2, outcome.Pairs);
        Assert.Equal(4, outcome.ValidPixels);
        Assert.Equal(0.4375, outcome.MeanNdai!.Value, 6);
        var nan = float.NaN;
        // One raster, three bands: the mean, each pixel's pairs and its disturbed pairs; nothing written apart.
        var annual = StorageLayout.Annual(Asset, key, 2020);
        Assert.Equal(3, store.ProductBands(annual));
        AssertClose([0.2f, 0.85f, 0.5f, 0.2f, nan, nan, nan, nan], store.ProductFloat32(annual));
        AssertClose([2, 2, 1, 1, 0, 0, 0, 0], store.ProductFloat32(annual, band: 2));
        AssertClose([0, 2, 1, 0, 0, 0, 0, 0], store.ProductFloat32(annual, band: 3));
        Assert.DoesNotContain(StorageLayout.AnnualCount(Asset, key, 2020), store.ProductNames);
        Assert.DoesNotContain(StorageLayout.AnnualDisturbed(Asset, key, 2020), store.ProductNames);
    }

    [Fact]
    public async Task AnnualMeanBatch_WritesEachYear_AsTheCallOfOneYearDoes()
    {
        var key = Key(Scope());
        // The stack of AnnualMean_WritesMeanCountsAndDisturbedCounts (level ≈ 0.406), and a third pair for a second year.
        InMemoryProductStore Stack()
        {
            var store = new InMemoryProductStore();
            // The stack as builds before 2026-12-07 wrote it, apart: read where they lie (the stack is missing).
            store.PutProduct(StorageLayout.StableMask(Asset, key), Byte(1, 1, 0, 0, 0, 0, 0, 0));
            store.PutProduct(StorageLayout.StableMean(Asset, key), Float32(0.9f, 0.9f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f));
            store.PutProduct(StorageLayout.Ndai(Asset, key, D1, D2), Float32(0.1f, 0.9f, float.NaN, 0.2f, float.NaN, float.NaN, float.NaN, float.NaN));
            store.PutProduct(StorageLayout.Ndai(Asset, key, D2, D3), Float32(0.3f, 0.8f, 0.5f, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN));
            store.PutProduct(StorageLayout.Ndai(Asset, key, D3, D4), Float32(0.6f, 0.1f, 0.2f, 0.3f, 0.5f, float.NaN, float.NaN, float.NaN));
            return store;
        }
        AnnualYear[] years = [new(2020, ["20200101_20200113", "20200113_20200125"]), new(2021, []), new(2022, ["20200125_20200206"])];

        var batch = Stack();
        var outcomes = await new AnnualMeanBatchActivity(batch).RunAsync(null!, new AnnualBatchTask(Scope(), years));

        var single = Stack();
        foreach (var y in years) Assert.Equal(await new AnnualMeanActivity(single).RunAsync(null!, new AnnualTask(Scope(), y.Year, y.PairIds)), outcomes[Array.IndexOf(years, y)]);
        Assert.Equal([2020, 2021, 2022], outcomes.Select(o => o.Year));
        // 2020 as worked out above; 2022 is its one pair (spatial mean (0.6 + 0.1 + 0.2 + 0.3 + 0.5)/5 = 0.34), disturbed above 0.406: 0.6, 0.5.
        Assert.Equal(0.4375, outcomes[0].MeanNdai!.Value, 6);
        Assert.Equal(new AnnualOutcome(2021, 0, 0, null), outcomes[1]);
        Assert.Equal(0.34, outcomes[2].MeanNdai!.Value, 6);
        AssertClose([1, 0, 0, 0, 1, 0, 0, 0], batch.ProductFloat32(StorageLayout.Annual(Asset, key, 2022), band: 3));
        // Bit for bit the products of one year a call.
        foreach (var y in new[] { 2020, 2022 })
            Assert.Equal(single.Product(StorageLayout.Annual(Asset, key, y)), batch.Product(StorageLayout.Annual(Asset, key, y)));
        Assert.Equal(single.ProductNames, batch.ProductNames);
    }

    [Fact]
    public async Task AnnualMean_OfAYearWithoutPairs_WritesNothing()
    {
        var store = new InMemoryProductStore();
        Assert.Equal(new AnnualOutcome(2021, 0, 0, null), await new AnnualMeanActivity(store).RunAsync(null!, new AnnualTask(Scope(), 2021, [])));
        Assert.Equal(0, store.Writes);
    }

    /// <summary>A store holding the stack's stable mask: pixels 0 and 2 stable.</summary>
    private static (InMemoryProductStore Store, AssetScope Scope) WithStableMask()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        store.PutProduct(StorageLayout.StablePoints(Asset, Key(scope)), StablePoints([1, 0, 1, 0, 0, 0, 0, 0], new float[8]));
        return (store, scope);
    }
}
