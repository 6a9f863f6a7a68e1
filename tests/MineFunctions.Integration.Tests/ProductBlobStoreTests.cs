using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Integration.Tests;

public sealed class ProductBlobStoreTests : IAsyncLifetime
{
    private readonly BlobServiceClient _service = new(TestStorage.ConnectionString);
    private readonly string _containerName = TestStorage.UniqueName("products");
    private readonly string _victimName = TestStorage.UniqueName("victim");
    private ProductBlobStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new ProductBlobStore(_service, _containerName);
        await _store.EnsureContainerAsync();
        await _service.GetBlobContainerClient(_victimName).CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.GetBlobContainerClient(_containerName).DeleteIfExistsAsync();
        await _service.GetBlobContainerClient(_victimName).DeleteIfExistsAsync();
    }

    [Fact]
    public async Task AReadPinnedToAnETag_GivesThatVersion_AndSays412WhenReplacedAnd404WhenDeleted()
    {
        var name = "m1/pairs/20200101_20200113.tif";
        await _store.UploadAsync(name, Encoding.UTF8.GetBytes("version one"));
        var pinned = (await _store.GetAsync(name))!.ETag;
        var listed = new List<string>();
        await foreach (var verdict in _store.ListAssetInputsAsync("m1")) listed.Add(verdict.ETag!);
        // The listing's ETag is the one discovery pins: unquoted, where the properties give it quoted.
        Assert.Equal([pinned.Trim('"')], listed);

        Assert.Equal("version one", Encoding.UTF8.GetString(await _store.DownloadBytesIfMatchAsync(name, pinned)));
        Assert.Equal("version one", Encoding.UTF8.GetString(await _store.DownloadBytesIfMatchAsync(name, listed[0])));
        await _store.UploadAsync(name, Encoding.UTF8.GetBytes("version two"));
        var replaced = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => _store.DownloadBytesIfMatchAsync(name, listed[0]));
        Assert.Equal(412, replaced.Status);
        await _store.DeleteIfExistsAsync(name);
        var deleted = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => _store.DownloadBytesIfMatchAsync(name, pinned));
        Assert.Equal(404, deleted.Status);
    }

    [Fact]
    public async Task SecondUploadOfIdenticalContent_WritesNothing_EtagAndLastModifiedUnchanged()
    {
        var name = StorageLayout.Annual("m1", "v1-0123456789abcdef", 2021);
        var bytes = Encoding.UTF8.GetBytes("annual mean ndai");

        var first = await _store.UploadAsync(name, bytes);
        var before = await _store.GetAsync(name);
        await Task.Delay(1100); // Last-Modified has 1 s resolution: a rewrite would show.
        var second = await _store.UploadAsync(name, bytes);
        var after = await _store.GetAsync(name);

        Assert.True(first.Written);
        Assert.False(second.Written);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.NotNull(before);
        Assert.Equal(before, after);
        Assert.Equal(bytes, await _store.DownloadBytesAsync(name));
    }

    [Fact]
    public async Task UploadOfChangedContent_OverwritesAndStoresTheNewHash()
    {
        const string name = "m1/v1-0123456789abcdef/export/iron-mining_emissions-sources.csv";
        var a = await _store.UploadAsync(name, Encoding.UTF8.GetBytes("a"));
        var b = await _store.UploadAsync(name, Encoding.UTF8.GetBytes("b"));

        Assert.True(b.Written);
        Assert.NotEqual(a.Sha256, b.Sha256);
        Assert.Equal(b.Sha256, (await _store.GetAsync(name))!.Sha256);
        Assert.Equal("b", Encoding.UTF8.GetString(await _store.DownloadBytesAsync(name)));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(ProductBlobStore.CreateFirstMaxBytes + 1)]
    public async Task ContentOfEitherSize_IsWrittenOnce_ThenOverwrittenOnlyWhenChanged(int size)
    {
        // Small content is written create-only before comparing, large content compared first: both end the same way.
        const string name = "m1/v1-0123456789abcdef/ndai/ndai_20210105_20210117.tif";
        var a = new byte[size];
        new Random(11).NextBytes(a);
        var b = (byte[])a.Clone();
        b[^1] ^= 0xFF;

        Assert.True((await _store.UploadAsync(name, a)).Written);
        var first = await _store.GetAsync(name);
        await Task.Delay(1100); // Last-Modified has 1 s resolution: a rewrite would show.
        Assert.False((await _store.UploadAsync(name, a)).Written);
        Assert.Equal(first, await _store.GetAsync(name));
        Assert.True((await _store.UploadAsync(name, b)).Written);

        Assert.Equal(b, await _store.DownloadBytesAsync(name));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b)), (await _store.GetAsync(name))!.Sha256);
    }

    /// <summary>Requests the blob client sends.</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        public int Requests;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref Requests);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref Requests);
            return ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task ARewriteLookingFirst_CostsOneRequestUnchanged_AndTwoChanged_AgainstTwoAndThreeCreateOnlyFirst()
    {
        const string name = "m1/v1-0123456789abcdef/annual/2021.tif";
        var (a, b) = (Encoding.UTF8.GetBytes("first content"), Encoding.UTF8.GetBytes("second content"));
        var counter = new RequestCounter();
        var options = new BlobClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var store = new ProductBlobStore(new BlobServiceClient(TestStorage.ConnectionString, options), _containerName);
        await store.EnsureContainerAsync();
        Assert.True((await store.UploadAsync(name, a)).Written);

        async Task<(bool Written, int Requests)> Counted(Func<Task<BlobWriteResult>> upload)
        {
            var before = counter.Requests;
            var written = (await upload()).Written;
            return (written, counter.Requests - before);
        }

        Assert.Equal((false, 2), await Counted(() => store.UploadAsync(name, a)));
        Assert.Equal((false, 1), await Counted(() => store.UploadAsync(name, a, null, lookFirst: true)));
        Assert.Equal((true, 2), await Counted(() => store.UploadAsync(name, b, null, lookFirst: true)));
        Assert.Equal((true, 3), await Counted(() => store.UploadAsync(name, a)));
        Assert.Equal(a, await store.DownloadBytesAsync(name));
        // A new blob looking first: a look that finds nothing, then the create-only write.
        Assert.Equal((true, 2), await Counted(() => store.UploadAsync(name + ".new", b, null, lookFirst: true)));
    }

    [Fact]
    public async Task ABoundedRead_IsOneRequest_WholeWithinTheBound_SizeOnlyOverIt_NullWhenMissing()
    {
        var counter = new RequestCounter();
        var options = new BlobClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var store = new ProductBlobStore(new BlobServiceClient(TestStorage.ConnectionString, options), _containerName);
        var content = Encoding.UTF8.GetBytes(new string('p', 100));
        await store.UploadAsync("m1/production.csv", content);
        var listed = (await store.GetAsync("m1/production.csv"))!;

        async Task<(BoundedRead? Read, int Requests)> Counted(string name, long maxBytes)
        {
            var before = counter.Requests;
            var read = await store.DownloadUpToAsync(name, maxBytes);
            return (read, counter.Requests - before);
        }

        var (within, requests) = await Counted("m1/production.csv", 100);
        Assert.Equal(content, within!.Content);
        Assert.Equal((100L, listed.LastModified, 1), (within.Length, within.LastModified, requests));
        (within, requests) = await Counted("m1/production.csv", 1_000_000);
        Assert.Equal(content, within!.Content);
        Assert.Equal((100L, 1), (within.Length, requests));

        // One byte over the bound is read, never the rest: the size says the blob is too large.
        var (over, overRequests) = await Counted("m1/production.csv", 40);
        Assert.Equal((100L, 41, 1), (over!.Length, over.Content.Length, overRequests));

        var (missing, missingRequests) = await Counted("m1/emissions.csv", 100);
        Assert.Equal((null, 1), (missing, missingRequests));

        // An empty blob has no byte to range over; it still reads as empty.
        await store.UploadAsync("m1/empty.csv", Array.Empty<byte>());
        var empty = await store.DownloadUpToAsync("m1/empty.csv", 10);
        Assert.Equal((0, 0L), (empty!.Content.Length, empty.Length));
    }

    [Theory]
    [InlineData("bytes 0-40/100", 100L)]
    [InlineData("bytes 0-0/1", 1L)]
    [InlineData("bytes */100", 100L)]
    [InlineData("bytes 0-9/*", null)]
    [InlineData(null, null)]
    public void TheSizeOfAContentRange_IsAfterItsSlash(string? contentRange, long? total) =>
        Assert.Equal(total, ProductBlobStore.TotalLength(contentRange));

    [Fact]
    public async Task NonSeekableStreamUpload_IsHashedAndIdempotentLikeBytes()
    {
        const string name = "m1/pairs/x_20210105_20210117.tif";
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        var first = await _store.UploadAsync(name, new ForwardOnlyStream(bytes));
        var second = await _store.UploadAsync(name, bytes);
        using var copy = new MemoryStream();
        await _store.DownloadToAsync(name, copy);

        Assert.True(first.Written);
        Assert.False(second.Written);
        Assert.Equal(bytes.Length, first.Length);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task TraversalName_IsRejected_AndTheOtherContainerStaysEmpty()
    {
        var hostile = $"../{_victimName}/planted.tif";

        var ex = await Assert.ThrowsAsync<StorageNameException>(() => _store.UploadAsync(hostile, new byte[] { 1, 2, 3 }));
        Assert.Contains("..", ex.Problem);
        await Assert.ThrowsAsync<StorageNameException>(() => _store.DownloadBytesAsync(hostile));
        await Assert.ThrowsAsync<StorageNameException>(() => _store.UploadAsync($"m1/../../{_victimName}/x", new byte[] { 1 }));

        var victim = _service.GetBlobContainerClient(_victimName);
        await foreach (var _ in victim.GetBlobsAsync()) Assert.Fail("A blob reached the other container.");
    }

    [Fact]
    public async Task RawSdk_WithTraversalName_WouldEscapeItsContainer_WhichIsWhyNamesAreChecked()
    {
        // The hazard the allowlist exists for (ENGINEERING-NOTES.md): System.Uri normalises "../".
        var raw = _service.GetBlobContainerClient(_containerName).GetBlobClient($"../{_victimName}/escaped.txt");
        await raw.UploadAsync(BinaryData.FromString("x"));

        Assert.True((await _service.GetBlobContainerClient(_victimName).GetBlobClient("escaped.txt").ExistsAsync()).Value);
    }

    [Fact]
    public async Task ListAssetInputs_ReturnsRecognisedInputs_AndTheSkippedNamesWithTheirReasons()
    {
        var input = new ProductBlobStore(_service, _containerName);
        await input.UploadAsync(StorageLayout.Manifest("m1"), Encoding.UTF8.GetBytes(new AssetManifest("M", "iron", "BRA", 0, 0).ToJson()));
        await input.UploadAsync(StorageLayout.PairRaster("m1", "p_20210105_20210117.tif"), new byte[] { 1 });
        await input.UploadAsync("m1/notes.txt", new byte[] { 1 });
        await input.UploadAsync(StorageLayout.Manifest("m2"), new byte[] { 1 });
        // Uploaded by someone else with a name outside the allowlist: never handed on.
        await _service.GetBlobContainerClient(_containerName).GetBlobClient("m1/pairs/Bad Name.tif").UploadAsync(BinaryData.FromString("x"));
        await _service.GetBlobContainerClient(_containerName).GetBlobClient("Upper/asset.json").UploadAsync(BinaryData.FromString("x"));

        var listed = new List<InputFileVerdict>();
        await foreach (var b in input.ListAssetInputsAsync("m1")) listed.Add(b);
        var inputs = listed.Select(v => v.Input).OfType<InputBlob>().ToList();
        var assets = new List<string>();
        await foreach (var a in input.ListAssetIdsAsync()) assets.Add(a);

        Assert.Equal([InputBlobKind.Manifest, InputBlobKind.PairRaster], inputs.Select(i => i.Kind).ToArray());
        // The others are listed with why they are skipped, for the asset's input report.
        Assert.Equal(["m1/notes.txt", "m1/pairs/Bad Name.tif"], listed.Where(v => v.Input is null).Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Contains("' ' is not allowed", listed.Single(v => v.Name == "m1/pairs/Bad Name.tif").SkipReason);
        Assert.Equal(["m1", "m2"], assets);
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7919), data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
