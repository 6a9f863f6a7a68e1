using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Blobs of one container under deterministic, allowlisted names (<see cref="BlobPath"/>,
/// <see cref="StorageLayout"/>, <see cref="StorageLayout"/>). Uploads are idempotent: the SHA-256 of the
/// content is kept in the blob's metadata and compared before writing, so uploading the same bytes
/// again writes nothing (ETag and Last-Modified unchanged) and a rerun of a finished run changes no
/// blob. Writes are conditional on what was compared (create-only, or If-Match the old ETag), and a
/// 409/412 caused by our own earlier write (lost response, SDK retry) is success once the stored
/// hash matches. Content of at most <see cref="CreateFirstMaxBytes"/> is first written create-only,
/// without a look: a new blob costs one request, one already there is compared after the 409.
/// The SDK's retries are the only retry layer.
/// </summary>
public sealed class ProductBlobStore
{
    /// <summary>Metadata key holding the lower-case hex SHA-256 of the content.</summary>
    public const string HashMetadataKey = "sha256";

    private const int MaxAttempts = 4;

    /// <summary>Content up to this size is written create-only before anything is compared (<see cref="UploadCoreAsync"/>).</summary>
    public const int CreateFirstMaxBytes = 1 << 20;

    private readonly BlobContainerClient _container;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    public ProductBlobStore(BlobServiceClient service, string containerName)
    {
        _container = service.GetBlobContainerClient(ContainerName.Validate(containerName));
    }

    public static ProductBlobStore FromConnectionString(string connectionString, string containerName) =>
        new(new BlobServiceClient(connectionString), containerName);

    public string Container => _container.Name;

    /// <summary>Creates the container if it does not exist (once per store instance).</summary>
    public Task EnsureContainerAsync(CancellationToken cancellationToken = default)
    {
        var lazy = _created.GetOrAdd(_container.Name, _ => new Lazy<Task>(() => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(_container.Name, lazy));
        return task;
    }

    /// <summary>Uploads bytes to <paramref name="blobName"/> unless the same content is already there.</summary>
    public Task<BlobWriteResult> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default) =>
        UploadAsync(blobName, content, contentType, lookFirst: false, cancellationToken);

    /// <summary>
    /// <see cref="UploadAsync(string, ReadOnlyMemory{byte}, string?, CancellationToken)"/>; with <paramref name="lookFirst"/>,
    /// small content too is compared before it is written, for a blob that is most likely there already (a rerun): one
    /// request when it is unchanged and two when it changed, instead of two and three after a create-only attempt.
    /// </summary>
    public async Task<BlobWriteResult> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string? contentType, bool lookFirst, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        return await UploadCoreAsync(blobName, hash, content.Length, () => new MemoryStreamOver(content), contentType, cancellationToken, lookFirst);
    }

    /// <summary>
    /// Uploads a stream unless the same content is already there. A seekable stream is hashed in
    /// place and rewound; any other stream is first spooled to a temporary file (never to memory).
    /// </summary>
    public async Task<BlobWriteResult> UploadAsync(string blobName, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            var spool = Path.Combine(Path.GetTempPath(), $"minefunctions-upload-{Guid.NewGuid():N}.tmp");
            await using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return await UploadAsync(blobName, file, contentType, cancellationToken);
        }

        var start = content.Position;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        var length = content.Position - start;
        return await UploadCoreAsync(blobName, hash, length, () =>
        {
            content.Position = start;
            return new NonClosingStream(content);
        }, contentType, cancellationToken);
    }

    /// <summary>Uploads a local file unless the same content is already there.</summary>
    public async Task<BlobWriteResult> UploadFileAsync(string blobName, string path, string? contentType = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await UploadAsync(blobName, file, contentType, cancellationToken);
    }

    public async Task<byte[]> DownloadBytesAsync(string blobName, CancellationToken cancellationToken = default) =>
        await ReadAllAsync(await Blob(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// The blob's content only if its ETag is still <paramref name="eTag"/>: a <see cref="RequestFailedException"/>
    /// with status 412 (ConditionNotMet) when it was replaced, 404 when it was deleted.
    /// </summary>
    public async Task<byte[]> DownloadBytesIfMatchAsync(string blobName, string eTag, CancellationToken cancellationToken = default)
    {
        // A listing gives the ETag unquoted, a properties answer quoted: the header wants it quoted.
        var tag = new ETag(eTag.StartsWith('"') ? eTag : $"\"{eTag}\"");
        var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = tag } };
        try
        {
            return await ReadAllAsync(await Blob(blobName).DownloadStreamingAsync(options, cancellationToken), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Azurite answers a conditional read of a deleted blob with 412: say what happened, as the service's 404 does.
            if (!await ExistsAsync(blobName, cancellationToken))
                throw new RequestFailedException(404, $"The specified blob does not exist: {blobName}", "BlobNotFound", ex);
            throw;
        }
    }

    /// <summary>
    /// The blob's first <paramref name="maxBytes"/> + 1 bytes, its size and last change, in one request; null when it does
    /// not exist. A blob within the bound is read whole; a larger one shows it by its size, without the download (one
    /// request where a look and then a read took two).
    /// </summary>
    public async Task<BoundedRead?> DownloadUpToAsync(string blobName, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        try
        {
            var response = await Blob(blobName).DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(0, maxBytes + 1) }, cancellationToken);
            var details = response.Value.Details;
            var length = TotalLength(details.ContentRange) ?? details.ContentLength;
            return new BoundedRead(await ReadAllAsync(response, cancellationToken), length, details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            // An empty blob has no first byte for a range: the service refuses the range, and its properties say the rest.
            if (await GetAsync(blobName, cancellationToken) is not { } blob) return null;
            if (blob.Length > maxBytes) return new BoundedRead([], blob.Length, blob.LastModified);
            var bytes = await DownloadBytesAsync(blobName, cancellationToken);
            return new BoundedRead(bytes, bytes.Length, blob.LastModified);
        }
    }

    /// <summary>The size after the slash of a Content-Range answer ("bytes 0-99/1234"), or null when it gives none.</summary>
    public static long? TotalLength(string? contentRange)
    {
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var total)
            ? total : null;
    }

    public async Task DownloadToAsync(string blobName, Stream destination, CancellationToken cancellationToken = default) =>
        await Blob(blobName).DownloadToAsync(destination, cancellationToken);

    /// <summary>Downloads to a local file written whole or not at all (<see cref="Files.AtomicFile"/>).</summary>
    public Task DownloadToFileAsync(string blobName, string path, CancellationToken cancellationToken = default) =>
        Files.AtomicFile.WriteAsync(path, async temp =>
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await Blob(blobName).DownloadToAsync(file, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
        });

    public async Task<Stream> OpenReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        await Blob(blobName).OpenReadAsync(cancellationToken: cancellationToken);

    public async Task<bool> ExistsAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await Blob(blobName).ExistsAsync(cancellationToken)).Value;

    /// <summary>Properties of one blob, or null when it does not exist.</summary>
    public async Task<StoredBlob?> GetAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var p = (await Blob(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredBlob(blobName, p.ContentLength, HashOf(p.Metadata), p.ETag.ToString(), p.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every blob under a prefix ("" = the whole container), in name order.</summary>
    public async IAsyncEnumerable<StoredBlob> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var checkedPrefix = BlobPath.Prefix(prefix);
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = checkedPrefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            yield return new StoredBlob(item.Name, item.Properties.ContentLength ?? 0, HashOf(item.Metadata),
                item.Properties.ETag?.ToString() ?? "", item.Properties.LastModified);
        }
    }

    /// <summary>
    /// Every blob of one asset's input folder with what it is (<see cref="StorageLayout.Inspect"/>): the
    /// recognised inputs, and the names outside the layout with why they are skipped (for the run's report).
    /// </summary>
    public async IAsyncEnumerable<InputFileVerdict> ListAssetInputsAsync(string assetId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in ListAsync(StorageLayout.InputPrefix(assetId), cancellationToken))
        {
            yield return StorageLayout.Inspect(blob.Name) with { ETag = blob.ETag, Blob = blob };
        }
    }

    /// <summary>The asset folders at the top of the container whose names pass <see cref="AssetIds"/>, in name order.</summary>
    public async IAsyncEnumerable<string> ListAssetIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/" }, cancellationToken))
        {
            if (!item.IsPrefix) continue;
            var id = item.Prefix.TrimEnd('/');
            if (AssetIds.IsValid(id, out _)) yield return id;
        }
    }

    /// <summary>Deletes a blob if present (for tests and cleanup tools; the pipeline never deletes).</summary>
    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await Blob(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    private async Task<BlobWriteResult> UploadCoreAsync(string blobName, string hash, long length, Func<Stream> open, string? contentType, CancellationToken cancellationToken, bool lookFirst = false)
    {
        var blob = Blob(blobName);
        await EnsureContainerAsync(cancellationToken);
        // Small content is first written create-only, without looking: most product writes are of new blobs, and the
        // look costs a round trip each. A blob already there answers 409, and the loop compares as for large content,
        // whose look comes first so that a rerun does not upload megabytes only to be refused.
        var look = lookFirst || length > CreateFirstMaxBytes;
        for (var attempt = 0; attempt < MaxAttempts; attempt++, look = true)
        {
            ETag? existing = null;
            if (look)
            {
                try
                {
                    var props = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                    if (HashOf(props.Metadata) == hash && props.ContentLength == length)
                        return new BlobWriteResult(blobName, false, hash, length);
                    existing = props.ETag;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
            }

            var options = new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [HashMetadataKey] = hash },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? ContentTypeOf(blobName) },
                // Write only over what we just compared: create-only, or If-Match the blob we saw.
                Conditions = existing is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            };
            try
            {
                await using var stream = open();
                await blob.UploadAsync(stream, options, cancellationToken);
                return new BlobWriteResult(blobName, true, hash, length);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone (possibly our own lost-response write) got there first: compare again.
            }
        }
        throw new InvalidOperationException($"Blob {_container.Name}/{blobName} kept changing under concurrent writers; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// A download's content into one array of its announced length, read straight from the response: no buffer that
    /// grows by copying, and no copy out of it (for a 4 MB raster, two copies and their page faults fewer than
    /// <c>DownloadContentAsync</c>). The stream retries an interrupted read as that call's does.
    /// </summary>
    private static async Task<byte[]> ReadAllAsync(Response<BlobDownloadStreamingResult> response, CancellationToken cancellationToken)
    {
        using var result = response.Value;
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)result.Details.ContentLength));
        await result.Content.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    private BlobClient Blob(string blobName) => _container.GetBlobClient(BlobPath.Name(blobName));

    private static string? HashOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(HashMetadataKey, out var h) ? h : null;

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".tif" or ".tiff" => "image/tiff",
        ".png" => "image/png",
        ".csv" => "text/csv",
        ".json" or ".geojson" => "application/json",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>A read-only stream over memory the caller owns (no copy).</summary>
    private sealed class MemoryStreamOver(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => memory.Length;

        public override long Position
        {
            get => _position;
            set => _position = (int)Math.Clamp(value, 0, memory.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => memory.Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Hands the SDK a caller's stream without letting it close it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
