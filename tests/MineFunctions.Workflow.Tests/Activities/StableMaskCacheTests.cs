using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>
/// An asset run a pair a call reads its stable raster once in a process, then only looks at its hash; a raster rewritten
/// since is read again and its new mask used. Each test has an asset of its own: the cache lives as long as the process.
/// </summary>
public sealed class StableMaskCacheTests
{
    private static readonly DateOnly D1 = new(2020, 1, 1), D2 = new(2020, 1, 13), D3 = new(2020, 1, 25);

    private static (InMemoryProductStore Store, AssetScope Scope, string Raster) NewAsset(float[] mask)
    {
        var store = new InMemoryProductStore();
        var scope = new AssetScope("run-1", "mine-" + Guid.NewGuid().ToString("N")[..12], new PipelineSettings());
        var raster = StorageLayout.StablePoints(scope.AssetId, Key(scope));
        store.PutProduct(raster, StablePoints(mask, new float[8]));
        return (store, scope, raster);
    }

    private static PairWork Pair(InMemoryProductStore store, AssetScope scope, DateOnly reference, DateOnly secondary, params float[] coherence)
    {
        var id = StorageLayout.PairId(reference, secondary);
        var blob = $"{scope.AssetId}/pairs/{id}.tif";
        store.PutInput(blob, Float32(coherence));
        return new PairWork(id, reference, secondary, reference.Year, false, blob);
    }

    [Fact]
    public async Task PairsOfOneAsset_ReadTheStableRasterOnce_AndLookAtItOnceAPair()
    {
        var (store, scope, raster) = NewAsset([1, 0, 1, 0, 0, 0, 0, 0]);
        // Stable pixels 0 and 2 in both pairs: (0.95 + 0.75)/2 = 0.85 ≥ 0.8, std 0.1 → accepted.
        var first = Pair(store, scope, D1, D2, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);
        var second = Pair(store, scope, D2, D3, 0.75f, 0.2f, 0.95f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);

        var outcomes = new[]
        {
            await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, first)),
            await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, second)),
        };

        Assert.All(outcomes, o => Assert.Equal((true, 0.85), (o.Accepted, Math.Round(o.StableMean, 6))));
        Assert.Equal(1, store.Reads.Count(r => r.Name == raster));
        Assert.Equal(2, store.Looks.Count(l => l.Name == raster));
    }

    [Fact]
    public async Task AStableRasterRewritten_IsReadAgain_AndItsNewMaskUsed()
    {
        var (store, scope, raster) = NewAsset([1, 0, 1, 0, 0, 0, 0, 0]);
        var first = Pair(store, scope, D1, D2, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);
        Assert.True((await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, first))).Accepted);

        // The mask now holds pixels 0 and 1: (0.95 + 0.3)/2 = 0.625 < 0.8, so the same coherence is rejected.
        store.PutProduct(raster, StablePoints([1, 1, 0, 0, 0, 0, 0, 0], new float[8]));
        var second = Pair(store, scope, D2, D3, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);
        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, second));

        Assert.Equal((false, "stable mean 0.625 < 0.800"), (outcome.Accepted, outcome.Reason));
        Assert.Equal(2, store.Reads.Count(r => r.Name == raster));
    }

    [Fact]
    public async Task WithoutTheStableRaster_TheRastersOfAnEarlierBuildAreRead()
    {
        var store = new InMemoryProductStore();
        var scope = new AssetScope("run-1", "mine-" + Guid.NewGuid().ToString("N")[..12], new PipelineSettings());
        store.PutProduct(StorageLayout.StableMask(scope.AssetId, Key(scope)), Float32(1, 0, 1, 0, 0, 0, 0, 0));
        var pair = Pair(store, scope, D1, D2, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);

        var outcome = await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, pair));

        Assert.Equal((true, 2), (outcome.Accepted, Assert.Single(store.Rows<PairResultRow>()).StablePixels));
    }

    [Fact]
    public async Task PastItsCountOfMasks_TheLeastRecentlyUsedIsReadAgain()
    {
        var (store, scope, raster) = NewAsset([1, 0, 1, 0, 0, 0, 0, 0]);
        var first = Pair(store, scope, D1, D2, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);
        await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, first));
        for (var i = 0; i < StableMaskCache.MaxEntries; i++)
        {
            var (other, otherScope, _) = NewAsset([1, 0, 1, 0, 0, 0, 0, 0]);
            await new NdaiActivity(other).RunAsync(null!, new PairTask(otherScope, Pair(other, otherScope, D1, D2, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f)));
        }

        var second = Pair(store, scope, D2, D3, 0.95f, 0.3f, 0.75f, 0.5f, 0.85f, 0.85f, 0.85f, 0.85f);
        Assert.True((await new NdaiActivity(store).RunAsync(null!, new PairTask(scope, second))).Accepted);
        Assert.Equal(2, store.Reads.Count(r => r.Name == raster));
    }
}
