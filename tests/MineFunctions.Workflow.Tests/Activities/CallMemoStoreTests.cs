namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>
/// <see cref="CallMemoStore"/>, the memory of one <see cref="Workflow.Activities.AssetCallActivity"/> call, over the
/// in-memory store that counts the reads reaching it: what it keeps, what it always asks for, and its byte budget.
/// </summary>
public sealed class CallMemoStoreTests
{
    private static readonly byte[] Ten = [.. Enumerable.Range(0, 10).Select(i => (byte)i)];

    [Fact]
    public async Task AProductWrittenInTheCall_IsReadBackFromMemory_AndARewriteReplacesTheCopy()
    {
        var inner = new InMemoryProductStore();
        var memo = new CallMemoStore(inner, 1000);

        await memo.WriteAsync("a/p.bin", Ten, "application/octet-stream");
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/p.bin"));
        await memo.WriteAsync("a/p.bin", new byte[] { 7, 7 }, "application/octet-stream");
        Assert.Equal([7, 7], await memo.ReadAsync(StoreArea.Products, "a/p.bin"));
        using (var stream = await memo.OpenReadAsync(StoreArea.Products, "a/p.bin")) Assert.Equal(2, stream.Length);
        Assert.Empty(inner.Reads);
        Assert.Equal([7, 7], inner.Product("a/p.bin"));
    }

    [Fact]
    public async Task AHeldBlob_IsReadFromMemory_AndReachesTheStoreOnlyWhenTheHeldAreWritten()
    {
        var inner = new InMemoryProductStore();
        // No budget: a held blob is kept all the same, as it exists nowhere else.
        var memo = new CallMemoStore(inner, 0);
        memo.Hold("a/runs/r_pairs.json");

        await memo.WriteAsync("a/runs/r_pairs.json", Ten, "application/json");
        await memo.WriteAsync("a/p.bin", Ten, "application/octet-stream");
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/runs/r_pairs.json"));
        Assert.Equal(["a/p.bin"], inner.ProductNames);

        await memo.WriteHeldAsync(CancellationToken.None);
        Assert.Equal(Ten, inner.Product("a/runs/r_pairs.json"));
        var writes = inner.Writes;
        await memo.WriteHeldAsync(CancellationToken.None);
        Assert.Equal(writes, inner.Writes);

        // A call that rewrites (its asset was refreshed before) writes the held blob as it would have: compared first.
        var rewrite = new CallMemoStore(inner, 0) { Rewrite = true };
        rewrite.Hold("a/runs/s_pairs.json");
        await rewrite.WriteAsync("a/runs/s_pairs.json", Ten, "application/json");
        Assert.Equal(0, inner.WriteOvers);
        await rewrite.WriteHeldAsync(CancellationToken.None);
        Assert.Equal(1, inner.WriteOvers);
        Assert.Equal(Ten, inner.Product("a/runs/s_pairs.json"));
    }

    [Fact]
    public async Task AnInput_IsReadOncePerVersion_ItsPropertiesOnce_AndAProductsPropertiesUntilTheCallWritesIt()
    {
        var inner = new InMemoryProductStore();
        inner.PutInput("a/pairs/x.tif", Ten);
        var memo = new CallMemoStore(inner, 1000);
        var properties = await memo.GetAsync(StoreArea.Inputs, "a/pairs/x.tif");
        Assert.NotNull(properties);

        Assert.Equal(Ten, await memo.ReadInputIfMatchAsync("a/pairs/x.tif", properties!.ETag));
        Assert.Equal(Ten, await memo.ReadInputIfMatchAsync("a/pairs/x.tif", properties.ETag));
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Inputs, "a/pairs/x.tif"));
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Inputs, "a/pairs/x.tif"));
        Assert.Same(properties, await memo.GetAsync(StoreArea.Inputs, "a/pairs/x.tif"));
        // One conditional read and one plain read reached the store; a version the store no longer has still fails there.
        Assert.Equal(2, inner.Reads.Count);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => memo.ReadInputIfMatchAsync("a/pairs/x.tif", "\"0xOTHER\""));

        Assert.Null(await memo.GetAsync(StoreArea.Products, "a/p.bin"));
        Assert.Null(await memo.GetAsync(StoreArea.Products, "a/p.bin"));
        await memo.WriteAsync("a/p.bin", Ten, "application/octet-stream");
        Assert.Equal(10, (await memo.GetAsync(StoreArea.Products, "a/p.bin"))!.Length);
        Assert.Equal(10, (await memo.GetAsync(StoreArea.Products, "a/p.bin"))!.Length);
        await memo.WriteAsync("a/p.bin", new byte[] { 1 }, "application/octet-stream");
        Assert.Equal(1, (await memo.GetAsync(StoreArea.Products, "a/p.bin"))!.Length);
        // One look at the input; one at the product before each of its three states (missing, written, rewritten).
        Assert.Equal(
            [(StoreArea.Inputs, "a/pairs/x.tif"), (StoreArea.Products, "a/p.bin"), (StoreArea.Products, "a/p.bin"), (StoreArea.Products, "a/p.bin")],
            inner.Looks);
    }

    [Fact]
    public async Task AfterAWholeListing_LooksInThatFolderCostNoRequest_AndAFileTheListingLacksIsAbsent()
    {
        var inner = new InMemoryProductStore();
        inner.PutInput("a/asset.json", Ten);
        inner.PutInput("a/pairs/x.tif", Ten);
        inner.PutInput("b/asset.json", Ten);
        var memo = new CallMemoStore(inner, 1000);

        // A look before the listing goes to the store; so does one in a folder never listed.
        Assert.NotNull(await memo.GetAsync(StoreArea.Inputs, "a/pairs/x.tif"));
        var listed = new List<InputFileVerdict>();
        await foreach (var verdict in memo.ListAssetInputsAsync("a")) listed.Add(verdict);
        Assert.Equal(["a/asset.json", "a/pairs/x.tif"], listed.Select(v => v.Name));

        var manifest = await memo.GetAsync(StoreArea.Inputs, "a/asset.json");
        Assert.Equal((10L, listed[0].ETag), (manifest!.Length, manifest.ETag));
        Assert.Null(await memo.GetAsync(StoreArea.Inputs, "a/emissions.csv"));
        // Added after the listing: the call still sees its folder as listed.
        inner.PutInput("a/emissions.csv", Ten);
        Assert.Null(await memo.GetAsync(StoreArea.Inputs, "a/emissions.csv"));
        Assert.NotNull(await memo.GetAsync(StoreArea.Inputs, "b/asset.json"));
        Assert.Null(await memo.GetAsync(StoreArea.Products, "a/asset.json"));
        Assert.Equal([(StoreArea.Inputs, "a/pairs/x.tif"), (StoreArea.Inputs, "b/asset.json"), (StoreArea.Products, "a/asset.json")], inner.Looks);
    }

    [Fact]
    public async Task BeyondItsBudget_ItKeepsNothingMore_AndReadsGoToTheStore()
    {
        var inner = new InMemoryProductStore();
        var memo = new CallMemoStore(inner, 15);

        await memo.WriteAsync("a/first.bin", Ten, "application/octet-stream");
        await memo.WriteAsync("a/second.bin", Ten, "application/octet-stream");
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/first.bin"));
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/second.bin"));
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/second.bin"));
        Assert.Equal([(StoreArea.Products, "a/second.bin"), (StoreArea.Products, "a/second.bin")], inner.Reads);
    }

    [Fact]
    public async Task ARewritingCall_WritesOver_AndKeepsWhatItWrote()
    {
        var inner = new InMemoryProductStore();
        var memo = new CallMemoStore(inner, 1000) { Rewrite = true };

        await memo.WriteAsync("a/p.bin", Ten, "application/octet-stream");
        Assert.Equal(1, inner.WriteOvers);
        Assert.Equal(Ten, await memo.ReadAsync(StoreArea.Products, "a/p.bin"));
        Assert.Empty(inner.Reads);
        await new CallMemoStore(inner, 1000).WriteAsync("a/q.bin", Ten, "application/octet-stream");
        Assert.Equal(1, inner.WriteOvers);
    }
}
