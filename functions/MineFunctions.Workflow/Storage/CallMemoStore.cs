using System.Collections.Concurrent;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// A store for the span of one activity call that runs several stages (<c>AssetCallActivity</c>): a product it writes or
/// reads is kept, so a later stage of the same call reads it from memory instead of asking the service again (the
/// pair list discovery wrote, the stable mask NDAI, annual means and composites all read, each pair's NDAI raster the
/// annual mean reads). Products live under names that fix their content (settings key, years, pair), and a write leaves
/// the service holding exactly what was written, so a kept copy is what the service would answer. Inputs are kept too,
/// properties and content as first read (each coherence raster is read by stable points and NDAI, at the version
/// discovery pinned; the manifest and production by discovery and areas): the call sees its asset's folder as it was
/// when it first looked, as a run a stage a call sees the version discovery pinned. Rows always go to the service.
/// It keeps at most <paramref name="maxBytes"/> (the call of an asset too large to finish in it reads on through the
/// service instead of holding its whole stack). A blob named to <see cref="Hold"/> is the exception to both: its writes
/// stay in memory, whatever the budget, until <see cref="WriteHeldAsync"/> (the pair list, which only an orchestration
/// taking the asset over reads from the service).
/// </summary>
internal sealed class CallMemoStore(IProductStore inner, long maxBytes) : IProductStore
{
    private long _keptBytes;

    private readonly ConcurrentDictionary<string, byte[]> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredBlob?> _inputProperties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredBlob?> _productProperties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _listedFolders = new(StringComparer.Ordinal);

    private bool InListedFolder(string blobName)
    {
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && _listedFolders.ContainsKey(blobName[..(slash + 1)]);
    }

    public RasterReadOptions ReadOptions => inner.ReadOptions;

    public IAsyncEnumerable<string> ListAssetIdsAsync(CancellationToken cancellationToken = default) => inner.ListAssetIdsAsync(cancellationToken);

    /// <summary>
    /// The folder as listed, and each blob's properties kept as its first look: after a whole listing, the call's look
    /// at a file of that folder (the manifest, production, emissions, the polygon) is answered from it, and a file the
    /// listing did not hold is absent, as a look at that moment would have said. Discovery lists first, so these looks
    /// cost no request.
    /// </summary>
    public async IAsyncEnumerable<InputFileVerdict> ListAssetInputsAsync(string assetId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var verdict in inner.ListAssetInputsAsync(assetId, cancellationToken))
        {
            if (verdict.Blob is { } blob) _inputProperties.TryAdd(blob.Name, blob);
            yield return verdict;
        }
        _listedFolders.TryAdd(StorageLayout.InputPrefix(assetId), true);
    }

    /// <summary>
    /// Properties as first asked: an input's for the whole call (from a whole listing of its folder, if there was one),
    /// a product's until the call writes it (the call's own look at the asset's stable checkpoint answers the stable
    /// stage's look too).
    /// </summary>
    public async Task<StoredBlob?> GetAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default)
    {
        var kept = area == StoreArea.Products ? _productProperties : _inputProperties;
        if (kept.TryGetValue(blobName, out var known)) return known;
        if (area == StoreArea.Inputs && InListedFolder(blobName)) return kept.GetOrAdd(blobName, (StoredBlob?)null);
        var properties = await inner.GetAsync(area, blobName, cancellationToken);
        kept[blobName] = properties;
        return properties;
    }

    public async Task<byte[]> ReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default)
    {
        var kept = area == StoreArea.Products ? _products : _inputs;
        if (kept.TryGetValue(blobName, out var bytes)) return [.. bytes];
        bytes = await inner.ReadAsync(area, blobName, cancellationToken);
        Keep(kept, blobName, bytes);
        return bytes;
    }

    /// <summary>Kept by name and version: the same ETag is the same content.</summary>
    public async Task<byte[]> ReadInputIfMatchAsync(string blobName, string eTag, CancellationToken cancellationToken = default)
    {
        var key = eTag + "\n" + blobName;
        if (_inputs.TryGetValue(key, out var bytes)) return [.. bytes];
        bytes = await inner.ReadInputIfMatchAsync(blobName, eTag, cancellationToken);
        Keep(_inputs, key, bytes);
        return bytes;
    }

    /// <summary>A stream over a kept copy; otherwise the service's stream (ranged reads of a large zip are not kept).</summary>
    public async Task<Stream> OpenReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        (area == StoreArea.Products ? _products : _inputs).TryGetValue(blobName, out var kept)
            ? new MemoryStream(kept, writable: false)
            : await inner.OpenReadAsync(area, blobName, cancellationToken);

    /// <summary>
    /// Whether the asset's products are most likely there already (its last run left a stable checkpoint): then every write
    /// of the call is a <see cref="IProductStore.WriteOverAsync"/>, compared before it is written.
    /// </summary>
    public bool Rewrite { get; set; }

    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default) =>
        WriteKeptAsync(blobName, content, contentType, Rewrite, cancellationToken);

    public Task WriteOverAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default) =>
        WriteKeptAsync(blobName, content, contentType, over: true, cancellationToken);

    /// <summary>Blobs <see cref="Hold"/> named, with what their last write would have written, while held.</summary>
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType, bool Over)?> _held = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps the writes of <paramref name="blobName"/> in memory until <see cref="WriteHeldAsync"/>: for what only a later
    /// activity reads, and only when the call hands the asset on (its pair list), so a call that finishes never writes it.
    /// </summary>
    public void Hold(string blobName) => _held.TryAdd(blobName, null);

    /// <summary>Writes what <see cref="Hold"/> kept back, as it was asked to be written, and holds nothing more.</summary>
    public async Task WriteHeldAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _held.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!_held.TryRemove(name, out var write) || write is not { } w) continue;
            if (w.Over) await inner.WriteOverAsync(name, w.Content, w.ContentType, cancellationToken);
            else await inner.WriteAsync(name, w.Content, w.ContentType, cancellationToken);
        }
    }

    private async Task WriteKeptAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, bool over, CancellationToken cancellationToken)
    {
        if (_held.TryGetValue(blobName, out var previous))
        {
            // Kept whatever the budget: a held blob exists nowhere else until it is written. Replaced only while still held,
            // so a write racing WriteHeldAsync is not left behind in a dictionary nobody writes out again.
            var copy = content.ToArray();
            if (_held.TryUpdate(blobName, (copy, contentType, over), previous))
            {
                _productProperties.TryRemove(blobName, out _);
                _products[blobName] = copy;
                return;
            }
        }
        // Kept only once written: a write that fails leaves no copy the service does not have.
        _productProperties.TryRemove(blobName, out _);
        if (over) await inner.WriteOverAsync(blobName, content, contentType, cancellationToken);
        else await inner.WriteAsync(blobName, content, contentType, cancellationToken);
        // A rewrite replaces the copy; one the budget cannot take leaves none (a stale copy would answer for the new content).
        if (!Keep(_products, blobName, content.Span)) _products.TryRemove(blobName, out _);
    }

    /// <summary>Keeps a copy while the budget lasts; false when it does not.</summary>
    private bool Keep(ConcurrentDictionary<string, byte[]> kept, string key, ReadOnlySpan<byte> bytes)
    {
        if (Interlocked.Add(ref _keptBytes, bytes.Length) > maxBytes)
        {
            Interlocked.Add(ref _keptBytes, -bytes.Length);
            return false;
        }
        kept[key] = bytes.ToArray();
        return true;
    }

    public Task<bool> UpsertAsync<T>(T row, CancellationToken cancellationToken = default) where T : ITableRow<T> => inner.UpsertAsync(row, cancellationToken);

    public Task<int> UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : ITableRow<T> => inner.UpsertAllAsync(rows, cancellationToken);

    public IAsyncEnumerable<T> QueryAssetAsync<T>(string assetId, string settingsKey, CancellationToken cancellationToken = default) where T : ITableRow<T> =>
        inner.QueryAssetAsync<T>(assetId, settingsKey, cancellationToken);
}
