using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>
/// An input deleted or replaced after discovery (fault matrix, docs/RELIABILITY.md): discovery pins each pair's
/// input at the ETag it listed, and every later read of another version fails that pair as a recorded failure
/// naming the blob, so a run never mixes old and new content of one input.
/// </summary>
public sealed class ChangedInputTests
{
    private static readonly DateOnly D1 = new(2020, 1, 1), D2 = new(2020, 1, 13), D3 = new(2020, 1, 25), D4 = new(2020, 2, 6), D5 = new(2020, 2, 18);

    [Fact]
    public async Task Discover_PinsEachPairAtTheETagItListed()
    {
        var store = new InMemoryProductStore();
        store.PutInputText($"{Asset}/asset.json", """{"name": "Mine A", "commodity": "iron", "iso3": "BRA", "lat": -20.1, "lon": -44.2}""");
        store.PutInputText($"{Asset}/polygon.geojson", PolygonGeoJson(500_000, 4_999_980, 500_030, 5_000_000));
        var a = PutPair(store, D1, D2, 1, 1, 1, 1, 1, 1, 1, 1);
        var b = PutPair(store, D2, D3, 1, 1, 1, 1, 1, 1, 1, 1);

        var inventory = await new DiscoverAssetActivity(store).RunAsync(null!, Scope());

        Assert.Equal(2, inventory.PairCount);
        foreach (var (pair, expected) in inventory.FirstPage.Pairs.Zip([a, b]))
        {
            var listed = (await store.GetAsync(StoreArea.Inputs, expected.InputBlob!))!.ETag;
            Assert.Equal((expected.InputBlob, listed), (pair.InputBlob, pair.InputETag));
        }
        Assert.NotEqual(inventory.FirstPage.Pairs[0].InputETag, inventory.FirstPage.Pairs[1].InputETag);
    }

    [Fact]
    public async Task StableStatistics_LeavesOutADeletedAndAReplacedPair_AsRecordedFailures_AndEqualsTheStackWithoutThem()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        float[][] stack =
        [
            [0.9f, 0.5f, 1.0f, 0.95f, 0.8f, 0.7f, 0.6f, 0.5f],
            [0.9f, 0.9f, 0.6f, 0.95f, 0.8f, 0.7f, 0.6f, 0.5f],
            [0.2f, 0.1f, 0.2f, 0.1f, 0.2f, 0.1f, 0.2f, 0.1f],
            [0.9f, 0.7f, 1.0f, 0.90f, 0.8f, 0.7f, 0.6f, 0.5f],
            [0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f],
        ];
        var dates = new[] { (D1, D2), (D2, D3), (D3, D4), (D4, D5), (D1, D3) };
        var pairs = new List<PairWork>();
        for (var i = 0; i < stack.Length; i++) pairs.Add(await PinnedAsync(store, PutPair(store, dates[i].Item1, dates[i].Item2, stack[i])));
        await StoredLists.WriteAsync(store, "runs/run-1/pairs.json", pairs);

        // After discovery: pair 2 deleted, pair 4 replaced by other (valid) content.
        store.DeleteInput(pairs[2].InputBlob!);
        store.PutInput(pairs[4].InputBlob!, Float32(0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f));
        var summary = await new StableStatisticsActivity(store).RunAsync(null!, new StableTask(scope, "runs/run-1/pairs.json", []));

        Assert.Equal(3, summary.Pairs);
        Assert.Equal([pairs[2].PairId, pairs[4].PairId], summary.Unreadable!.Select(u => u.PairId));
        Assert.Equal($"failed: {pairs[2].InputBlob}: the blob was deleted during the run", summary.Unreadable![0].Reason);
        Assert.StartsWith($"failed: {pairs[4].InputBlob}: the blob was replaced during the run", summary.Unreadable![1].Reason);
        var rows = store.Rows<PairResultRow>();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.False(r.Accepted));
        Assert.Contains(rows, r => r.CoherenceBlob == pairs[2].InputBlob && r.Reason!.Contains("deleted during the run", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.CoherenceBlob == pairs[4].InputBlob && r.Reason!.Contains("replaced during the run", StringComparison.Ordinal));

        // A clean stack of the three pairs left gives the same stable products, byte for byte.
        var clean = new InMemoryProductStore();
        var kept = new List<PairWork>();
        foreach (var i in new[] { 0, 1, 3 }) kept.Add(await PinnedAsync(clean, PutPair(clean, dates[i].Item1, dates[i].Item2, stack[i])));
        await StoredLists.WriteAsync(clean, "runs/run-1/pairs.json", kept);
        var cleanSummary = await new StableStatisticsActivity(clean).RunAsync(null!, new StableTask(scope, "runs/run-1/pairs.json", []));
        Assert.Equal((cleanSummary.StablePixels, cleanSummary.ValidPixels, cleanSummary.Pairs), (summary.StablePixels, summary.ValidPixels, summary.Pairs));
        var key = Key(scope);
        Assert.Equal(clean.Product(StorageLayout.StablePoints(Asset, key)), store.Product(StorageLayout.StablePoints(Asset, key)));
    }

    [Fact]
    public async Task Ndai_OfAPairReplacedSinceDiscovery_IsARecordedFailure_AndWritesNoNdai()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        // The mask as builds before 2026-12-07 wrote it, alone: read there, the stack being missing.
        store.PutProduct(StorageLayout.StableMask(Asset, Key(scope)), Byte(1, 0, 1, 0, 0, 0, 0, 0));
        var pair = await PinnedAsync(store, PutPair(store, D1, D2, 0.95f, 0.3f, 0.75f, 0, 0.85f, 0.85f, 0.85f, 0.85f));
        store.PutInput(pair.InputBlob!, Float32(0.95f, 0.3f, 0.75f, 0, 0.85f, 0.85f, 0.85f, 0.5f));

        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.True(outcome.Failed);
        Assert.False(outcome.Accepted);
        Assert.StartsWith($"failed: {pair.InputBlob}: the blob was replaced during the run", outcome.Reason);
        Assert.DoesNotContain(store.ProductNames, n => n.Contains("/ndai/", StringComparison.Ordinal));
        var row = Assert.Single(store.Rows<PairResultRow>());
        Assert.Equal((false, pair.InputBlob, outcome.Reason), (row.Accepted, row.CoherenceBlob, row.Reason));

        // Unpinned (a pair list written before pinning): the current content is read, as before.
        var unpinned = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, pair with { InputETag = null }));
        Assert.False(unpinned.Failed);
    }

    [Fact]
    public async Task Coherence_OfAnSlcPairWhoseSecondaryWasReplaced_IsARecordedFailure()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        var slc = GeoTiffWriter.WriteComplex64ToBytes(Enumerable.Range(0, 16).Select(i => (float)(i % 5)).ToArray(), Grid);
        var (reference, secondary) = (StorageLayout.SlcRaster(Asset, D1), StorageLayout.SlcRaster(Asset, D2));
        store.PutInput(reference, slc);
        store.PutInput(secondary, slc);
        var pair = new PairWork(StorageLayout.PairId(D1, D2), D1, D2, 2020, true, null,
            InputETag: (await store.GetAsync(StoreArea.Inputs, reference))!.ETag, SecondaryETag: (await store.GetAsync(StoreArea.Inputs, secondary))!.ETag);
        store.PutInput(secondary, GeoTiffWriter.WriteComplex64ToBytes(Enumerable.Range(0, 16).Select(i => (float)(i % 3)).ToArray(), Grid));

        var outcome = await new CoherenceActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.False(outcome.Succeeded);
        Assert.StartsWith($"failed: {secondary}: the blob was replaced during the run", outcome.Error);
        Assert.DoesNotContain(store.ProductNames, n => n.Contains("/coherence/", StringComparison.Ordinal));
        var row = Assert.Single(store.Rows<PairResultRow>());
        Assert.Equal(outcome.Error, row.Reason);

        // With the secondary's current ETag pinned the same pair computes.
        var current = pair with { SecondaryETag = (await store.GetAsync(StoreArea.Inputs, secondary))!.ETag };
        Assert.True((await new CoherenceActivity(store).RunAsync(null!, new PairTask(scope, current))).Succeeded);
    }

    private static async Task<PairWork> PinnedAsync(InMemoryProductStore store, PairWork pair) =>
        pair with { InputETag = (await store.GetAsync(StoreArea.Inputs, pair.InputBlob!))!.ETag };
}
