using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Workflow.Storage;

/// <summary>The two blob containers an activity works with.</summary>
public enum StoreArea
{
    /// <summary>The users' asset folders (read only for the pipeline).</summary>
    Inputs,

    /// <summary>The pipeline's products, under deterministic names.</summary>
    Products,
}

/// <summary>
/// Everything an activity reads and writes: blobs of the input and product containers and rows of
/// the result tables. Activities are read → Core stage → write over this, so they run the same on
/// the real account (<see cref="PipelineStorage"/>) and on an in-memory store in unit tests.
/// Contract: reading a blob that does not exist throws <see cref="Azure.RequestFailedException"/>
/// with status 404, as the service does; writes are idempotent (same content, nothing written).
/// </summary>
public interface IProductStore
{
    /// <summary>How rasters are read: the memory budget checked before allocating, GDAL threads.</summary>
    RasterReadOptions ReadOptions { get; }

    /// <summary>The asset folders of the input container that pass <see cref="AssetIds"/>, in name order.</summary>
    IAsyncEnumerable<string> ListAssetIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every blob of an asset's input folder with what it is (<see cref="StorageLayout.Inspect"/>), in name order.</summary>
    IAsyncEnumerable<InputFileVerdict> ListAssetInputsAsync(string assetId, CancellationToken cancellationToken = default);

    /// <summary>Properties of one blob, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default);

    Task<byte[]> ReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default);

    /// <summary>
    /// An input blob's content only while its ETag is <paramref name="eTag"/> (the version discovery pinned): a blob
    /// replaced since throws <see cref="Azure.RequestFailedException"/> with status 412, a deleted one 404, as the service does.
    /// </summary>
    Task<byte[]> ReadInputIfMatchAsync(string blobName, string eTag, CancellationToken cancellationToken = default);

    /// <summary>
    /// An input blob read only up to <paramref name="maxBytes"/> (and one byte more), with its size and last change; null
    /// when it does not exist. <see cref="BoundedRead.Length"/> over the bound says the blob is too large, and no more of it
    /// was read. This default looks and then reads; the service's store asks once (<see cref="PipelineStorage"/>).
    /// </summary>
    async Task<BoundedRead?> ReadInputUpToAsync(string blobName, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(StoreArea.Inputs, blobName, cancellationToken) is not { } blob) return null;
        if (blob.Length > maxBytes) return new BoundedRead([], blob.Length, blob.LastModified);
        var bytes = await ReadAsync(StoreArea.Inputs, blobName, cancellationToken);
        return new BoundedRead(bytes, bytes.Length, blob.LastModified);
    }

    /// <summary>A seekable read stream (ranged reads on the service: a zip's directory without the whole zip).</summary>
    Task<Stream> OpenReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default);

    /// <summary>Writes a product unless the same content is already there.</summary>
    Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="WriteAsync"/> of a product most likely there already (a rerun of its asset): compared before it is
    /// written, so an unchanged product costs one request and a changed one two, not two and three.
    /// </summary>
    Task WriteOverAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Writes the row unless an identical one is stored; true when it wrote.</summary>
    Task<bool> UpsertAsync<T>(T row, CancellationToken cancellationToken = default) where T : ITableRow<T>;

    /// <summary>
    /// <see cref="UpsertAsync{T}"/> of every row, in order; how many were written. The service takes the new rows of one
    /// partition in one request (<see cref="ResultTableStore.UpsertAllAsync{T}"/>).
    /// </summary>
    Task<int> UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : ITableRow<T>;

    /// <summary>Rows of one asset under one settings key, in row-key order.</summary>
    IAsyncEnumerable<T> QueryAssetAsync<T>(string assetId, string settingsKey, CancellationToken cancellationToken = default) where T : ITableRow<T>;
}

/// <summary>Conveniences over <see cref="IProductStore"/>.</summary>
public static class ProductStoreExtensions
{
    /// <summary>
    /// An input of <paramref name="kind"/> (text or polygon) after checking its size against the kind's bound
    /// (<see cref="InputBlobLimits"/>): an <see cref="InvalidDataException"/> naming the blob, never a large download.
    /// </summary>
    public static async Task<byte[]> ReadInputCheckedAsync(this IProductStore store, string blobName, InputBlobKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var blob = await store.GetAsync(StoreArea.Inputs, blobName, cancellationToken)
            ?? throw new FileNotFoundException($"Input '{blobName}' is not in the input container.", blobName);
        return await store.ReadInputCheckedAsync(blob, kind, cancellationToken);
    }

    /// <summary><see cref="ReadInputCheckedAsync(IProductStore, string, InputBlobKind, CancellationToken)"/> of a blob whose properties the caller has just read (one request fewer).</summary>
    public static async Task<byte[]> ReadInputCheckedAsync(this IProductStore store, StoredBlob blob, InputBlobKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(blob);
        var blobName = blob.Name;
        var maxBytes = MaxBytesOf(kind);
        InputLimits.CheckSize(blobName, blob.Length, maxBytes);
        var bytes = await store.ReadAsync(StoreArea.Inputs, blobName, cancellationToken);
        // Replaced by a larger blob between the two calls: the bound holds for what was read.
        InputLimits.CheckSize(blobName, bytes.Length, maxBytes);
        return bytes;
    }

    /// <summary>
    /// An input of <paramref name="kind"/> as UTF-8 text with its last change, in one bounded read
    /// (<see cref="IProductStore.ReadInputUpToAsync"/>); null when it does not exist; over the kind's bound, an
    /// <see cref="InvalidDataException"/> naming the blob and its size.
    /// </summary>
    public static async Task<(string Text, DateTimeOffset? LastModified)?> ReadInputTextIfAnyAsync(this IProductStore store, string blobName, InputBlobKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var maxBytes = MaxBytesOf(kind);
        if (await store.ReadInputUpToAsync(blobName, maxBytes, cancellationToken) is not { } read) return null;
        InputLimits.CheckSize(blobName, read.Length, maxBytes);
        return (System.Text.Encoding.UTF8.GetString(read.Content), read.LastModified);
    }

    private static long MaxBytesOf(InputBlobKind kind) =>
        InputBlobLimits.MaxBytes(kind) ?? throw new ArgumentException($"{kind} inputs have no size bound of their own.", nameof(kind));

    /// <summary><see cref="ReadInputCheckedAsync"/> as UTF-8 text.</summary>
    public static async Task<string> ReadInputTextCheckedAsync(this IProductStore store, string blobName, InputBlobKind kind, CancellationToken cancellationToken = default) =>
        System.Text.Encoding.UTF8.GetString(await store.ReadInputCheckedAsync(blobName, kind, cancellationToken));

    /// <summary><see cref="ReadInputCheckedAsync(IProductStore, StoredBlob, InputBlobKind, CancellationToken)"/> as UTF-8 text.</summary>
    public static async Task<string> ReadInputTextCheckedAsync(this IProductStore store, StoredBlob blob, InputBlobKind kind, CancellationToken cancellationToken = default) =>
        System.Text.Encoding.UTF8.GetString(await store.ReadInputCheckedAsync(blob, kind, cancellationToken));

    public static async Task<string> ReadTextAsync(this IProductStore store, StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        System.Text.Encoding.UTF8.GetString(await store.ReadAsync(area, blobName, cancellationToken));

    /// <summary>Writes UTF-8 text with "\n" line ends, so the same content gives the same bytes on every host.</summary>
    public static async Task<string> WriteTextAsync(this IProductStore store, string blobName, string text, string contentType, CancellationToken cancellationToken = default)
    {
        await store.WriteAsync(blobName, System.Text.Encoding.UTF8.GetBytes(text), contentType, cancellationToken);
        return blobName;
    }

    public static async Task<bool> ExistsAsync(this IProductStore store, StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        await store.GetAsync(area, blobName, cancellationToken) is not null;
}
