using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>The activities that hand out a run's stored lists in pieces (asset chunks, pair pages), against an in-memory store.</summary>
public sealed class StoredListActivityTests
{
    private static readonly AssetSelection Ids = new("run-1", ["mine-e", "mine-c", "mine-a", "mine-d", "mine-b", "mine-c"], new PipelineSettings { AssetChunkSize = 2 });

    [Fact]
    public async Task ListAssets_OfNamedIds_StoresThemOnce_InOrder()
    {
        var store = new InMemoryProductStore();
        var list = await new ListAssetsActivity(store).RunAsync(null!, Ids);
        // 5 distinct ids in chunks of 2: ⌈5 / 2⌉ = 3 chunks.
        Assert.Equal((5, 2, 3), (list.Count, list.ChunkSize, list.Chunks));
        Assert.Equal(["mine-a", "mine-b", "mine-c", "mine-d", "mine-e"], await StoredLists.ReadAsync<string>(store, list.Blob));
    }

    [Fact]
    public async Task AssetChunk_GivesChunkIOfTheStoredList()
    {
        var store = new InMemoryProductStore();
        var list = await new ListAssetsActivity(store).RunAsync(null!, Ids);
        var chunk = new AssetChunkActivity(store);
        // Chunk i holds ids [2i, 2i + 2): the last one the single fifth id.
        Assert.Equal(["mine-a", "mine-b"], await chunk.RunAsync(null!, new AssetChunkTask(list, 0)));
        Assert.Equal(["mine-c", "mine-d"], await chunk.RunAsync(null!, new AssetChunkTask(list, 1)));
        Assert.Equal(["mine-e"], await chunk.RunAsync(null!, new AssetChunkTask(list, 2)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chunk.RunAsync(null!, new AssetChunkTask(list, 3)));
    }

    [Fact]
    public async Task AssetChunk_OfAListThatNoLongerHoldsTheRunsCount_SaysSo()
    {
        var store = new InMemoryProductStore();
        await StoredLists.WriteAsync(store, "runs/run-1/assets.json", new[] { "mine-a", "mine-b" });
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new AssetChunkActivity(store).RunAsync(null!, new AssetChunkTask(new AssetList("runs/run-1/assets.json", 3, 2), 0)));
        Assert.Equal("runs/run-1/assets.json holds 2 assets; the run listed 3.", ex.Message);
    }

    [Fact]
    public async Task PairPage_GivesThePairsFromItsOffset()
    {
        var store = new InMemoryProductStore();
        DateOnly d1 = new(2020, 1, 1), d2 = new(2020, 1, 13), d3 = new(2020, 1, 25);
        PairWork[] pairs = [new("20200101_20200113", d1, d2, 2020, true, null), new("20200113_20200125", d2, d3, 2020, true, null), new("20200101_20200125", d1, d3, 2020, true, null)];
        await StoredLists.WriteAsync(store, "runs/run-1/pairs.json", pairs);
        var activity = new PairPageActivity(store);

        // Three small pairs fit one page (far under PairPage.MaxBytes): from offset 1, the last two.
        var page = await activity.RunAsync(null!, new PairPageTask("runs/run-1/pairs.json", 1));
        Assert.Equal(1, page.Offset);
        Assert.Equal(pairs[1..], page.Pairs);
        Assert.Empty((await activity.RunAsync(null!, new PairPageTask("runs/run-1/pairs.json", 3))).Pairs);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => activity.RunAsync(null!, new PairPageTask("runs/run-1/pairs.json", 4)));
    }
}
