using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>
/// An <see cref="IProductStore"/> in memory, for unit tests of the activities: blobs by name in two
/// containers, rows by (table, partition, row key) kept as their columns and read back through the
/// row type's own <c>FromEntity</c>, as from the service. It keeps the real store's contract: a missing
/// blob throws a 404 <see cref="RequestFailedException"/>, same content writes nothing, names are checked.
/// </summary>
internal sealed class InMemoryProductStore : IProductStore
{
    private readonly SortedDictionary<string, Blob> _inputs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Blob> _products = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Table, string Partition, string Row), IReadOnlyDictionary<string, object?>> _rows = new(Comparer<(string Table, string Partition, string Row)>.Create(
        (a, b) => string.CompareOrdinal(a.Table, b.Table) is not 0 and var t ? t : string.CompareOrdinal(a.Partition, b.Partition) is not 0 and var p ? p : string.CompareOrdinal(a.Row, b.Row)));

    private long _version;
    // Activities run concurrently on the engine; SortedDictionary is not safe for that (a lost row was seen).
    private readonly Lock _gate = new();

    public RasterReadOptions ReadOptions => RasterReadOptions.Default;

    /// <summary>Product and row writes that changed something (unchanged content is not a write).</summary>
    public int Writes { get; private set; }

    public IReadOnlyCollection<string> ProductNames => _products.Keys;

    public void PutInput(string blobName, byte[] content, DateTimeOffset? lastModified = null) =>
        _inputs[BlobPath.Name(blobName)] = new Blob(content, lastModified ?? DateTimeOffset.UnixEpoch, ++_version);

    /// <summary>Deletes an input blob (as a user may during a run).</summary>
    public void DeleteInput(string blobName) => _inputs.Remove(BlobPath.Name(blobName));

    public void PutInputText(string blobName, string text, DateTimeOffset? lastModified = null) =>
        PutInput(blobName, System.Text.Encoding.UTF8.GetBytes(text), lastModified);

    public void PutProduct(string blobName, byte[] content) => _products[BlobPath.Name(blobName)] = new Blob(content, DateTimeOffset.UnixEpoch, ++_version);

    public byte[] Product(string blobName) => _products.TryGetValue(blobName, out var b) ? b.Content : throw new KeyNotFoundException($"No product {blobName}; have: {string.Join(", ", _products.Keys)}");

    public string ProductText(string blobName) => System.Text.Encoding.UTF8.GetString(Product(blobName));

    public float[] ProductFloat32(string blobName, int band = 1)
    {
        using var raster = GdalRaster.OpenBytes(Product(blobName), Path.GetFileName(blobName), ReadOptions);
        return raster.ReadFloat32(band);
    }

    /// <summary>How many bands a raster product has.</summary>
    public int ProductBands(string blobName)
    {
        using var raster = GdalRaster.OpenBytes(Product(blobName), Path.GetFileName(blobName), ReadOptions);
        return raster.Info.BandCount;
    }

    /// <summary>Every stored row of a type, in key order.</summary>
    public IReadOnlyList<T> Rows<T>() where T : ITableRow<T> =>
        _rows.Where(r => r.Key.Table == T.TableName).Select(r => T.FromEntity(Entity(r.Key.Partition, r.Key.Row, r.Value))).ToList();

    public async IAsyncEnumerable<string> ListAssetIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var id in _inputs.Keys.Where(k => k.Contains('/')).Select(k => k[..k.IndexOf('/')]).Distinct())
            if (AssetIds.IsValid(id, out _)) yield return id;
    }

    public async IAsyncEnumerable<InputFileVerdict> ListAssetInputsAsync(string assetId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var prefix = StorageLayout.InputPrefix(assetId);
        foreach (var (name, blob) in _inputs.Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            yield return StorageLayout.Inspect(name) with { ETag = blob.ETag, Blob = PropertiesOf(name, blob) };
    }

    /// <summary>A blob's properties as the service gives them, by a look or a listing.</summary>
    private static StoredBlob PropertiesOf(string name, Blob blob) =>
        new(name, blob.Content.Length, Convert.ToHexStringLower(SHA256.HashData(blob.Content)), blob.ETag, blob.LastModified);

    /// <summary>Every look at a blob's properties, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(StoreArea Area, string Name)> Looks { get; } = new();

    public Task<StoredBlob?> GetAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default)
    {
        Looks.Enqueue((area, blobName));
        return Task.FromResult(Blobs(area).TryGetValue(BlobPath.Name(blobName), out var b)
            ? PropertiesOf(blobName, b)
            : null);
    }

    /// <summary>Blob reads by area and name (a read of a missing blob too), for tests that count the work done.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(StoreArea Area, string Name)> Reads { get; } = new();

    /// <summary>Every stored row of every table, by (table, partition, row key), as its columns: for comparing two stores.</summary>
    public IReadOnlyList<string> RowDump() =>
        _rows.Select(r => $"{r.Key.Table}|{r.Key.Partition}|{r.Key.Row}|" + string.Join(";", r.Value.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => FormattableString.Invariant($"{c.Key}={(c.Value is double d ? BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.Value)}")))).ToList();

    public Task<byte[]> ReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default)
    {
        Reads.Enqueue((area, blobName));
        Blob? b;
        lock (_gate) Blobs(area).TryGetValue(BlobPath.Name(blobName), out b);
        return b is not null
            ? Task.FromResult(b.Content.ToArray())
            : throw new RequestFailedException(404, $"The specified blob does not exist: {blobName}", "BlobNotFound", null);
    }

    /// <summary>A read like <see cref="ReadAsync"/> (counted in <see cref="Reads"/>) that fails 412 when the blob is at another ETag.</summary>
    public Task<byte[]> ReadInputIfMatchAsync(string blobName, string eTag, CancellationToken cancellationToken = default) =>
        !_inputs.TryGetValue(BlobPath.Name(blobName), out var b) || b.ETag == eTag ? ReadAsync(StoreArea.Inputs, blobName, cancellationToken)
        : throw new RequestFailedException(412, "The condition specified using HTTP conditional header(s) is not met.", "ConditionNotMet", null);

    public async Task<Stream> OpenReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        new MemoryStream(await ReadAsync(area, blobName, cancellationToken), writable: false);

    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        var name = BlobPath.Name(blobName);
        lock (_gate)
        {
            if (_products.TryGetValue(name, out var old) && old.Content.AsSpan().SequenceEqual(content.Span)) return Task.CompletedTask;
            _products[name] = new Blob(content.ToArray(), DateTimeOffset.UnixEpoch, ++_version);
            Writes++;
        }
        return Task.CompletedTask;
    }

    /// <summary>Writes made through <see cref="WriteOverAsync"/> (compared first on the service).</summary>
    public int WriteOvers { get; private set; }

    public Task WriteOverAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        lock (_gate) WriteOvers++;
        return WriteAsync(blobName, content, contentType, cancellationToken);
    }

    public Task<bool> UpsertAsync<T>(T row, CancellationToken cancellationToken = default) where T : ITableRow<T>
    {
        var key = (T.TableName, TableKey.Validate(row.PartitionKey, "partition key"), TableKey.Validate(row.RowKey, "row key"));
        var columns = row.ToColumns().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value);
        lock (_gate)
        {
            if (_rows.TryGetValue(key, out var stored) && TableColumns.SameColumns(Entity(key.Item2, key.Item3, stored), row.ToColumns())) return Task.FromResult(false);
            _rows[key] = columns;
            Writes++;
        }
        return Task.FromResult(true);
    }

    /// <summary>One row after the other: the service's transactions change the requests, not the rows stored.</summary>
    public async Task<int> UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : ITableRow<T>
    {
        var written = 0;
        foreach (var row in rows)
        {
            if (await UpsertAsync(row, cancellationToken)) written++;
        }
        return written;
    }

    public async IAsyncEnumerable<T> QueryAssetAsync<T>(string assetId, string settingsKey, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : ITableRow<T>
    {
        await Task.Yield();
        var prefix = StorageLayout.RowKeyPrefix(settingsKey);
        List<KeyValuePair<(string Table, string Partition, string Row), IReadOnlyDictionary<string, object?>>> rows;
        lock (_gate) rows = _rows.Where(r => r.Key.Table == T.TableName && r.Key.Partition == AssetIds.Check(assetId) && r.Key.Row.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var (key, columns) in rows)
            yield return T.FromEntity(Entity(key.Partition, key.Row, columns));
    }

    private SortedDictionary<string, Blob> Blobs(StoreArea area) => area == StoreArea.Inputs ? _inputs : _products;

    private static TableEntity Entity(string partition, string row, IReadOnlyDictionary<string, object?> columns)
    {
        var entity = new TableEntity(partition, row);
        foreach (var (name, value) in columns) entity[name] = value;
        return entity;
    }

    /// <summary>A stored blob; every write gets a new <see cref="Version"/>, so its ETag changes as the service's does.</summary>
    private sealed record Blob(byte[] Content, DateTimeOffset LastModified, long Version)
    {
        public string ETag => $"\"0x{Version:X}\"";
    }
}
