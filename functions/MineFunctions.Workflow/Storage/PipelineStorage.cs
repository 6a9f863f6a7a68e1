using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// The three stores every activity works with: the input container (read only), the product
/// container and the result tables. One instance per host, shared by all activities: the real
/// <see cref="IProductStore"/> the activities read and write through.
/// </summary>
public sealed class PipelineStorage(ProductBlobStore inputs, ProductBlobStore products, ResultTableStore tables, RasterReadOptions? readOptions = null)
    : IProductStore
{
    /// <summary>How rasters are read from blobs: the memory budget checked before allocating, GDAL threads.</summary>
    public RasterReadOptions ReadOptions { get; } = readOptions ?? RasterReadOptions.Default;

    public ProductBlobStore Inputs { get; } = inputs;

    public ProductBlobStore Products { get; } = products;

    public ResultTableStore Tables { get; } = tables;

    /// <summary>Connects to the account and creates the containers and tables when missing.</summary>
    public static async Task<PipelineStorage> ConnectAsync(WorkflowStorageOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var storage = new PipelineStorage(
            ProductBlobStore.FromConnectionString(options.ConnectionString, options.InputContainer),
            ProductBlobStore.FromConnectionString(options.ConnectionString, options.ProductsContainer),
            ResultTableStore.FromConnectionString(options.ConnectionString, options.TablePrefix));
        await storage.Inputs.EnsureContainerAsync(cancellationToken);
        await storage.Products.EnsureContainerAsync(cancellationToken);
        await storage.Tables.EnsureTablesAsync(cancellationToken);
        return storage;
    }

    public IAsyncEnumerable<string> ListAssetIdsAsync(CancellationToken cancellationToken = default) => Inputs.ListAssetIdsAsync(cancellationToken);

    public IAsyncEnumerable<InputFileVerdict> ListAssetInputsAsync(string assetId, CancellationToken cancellationToken = default) =>
        Inputs.ListAssetInputsAsync(assetId, cancellationToken);

    public Task<StoredBlob?> GetAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        Container(area).GetAsync(blobName, cancellationToken);

    public Task<byte[]> ReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        Container(area).DownloadBytesAsync(blobName, cancellationToken);

    /// <summary>One ranged read instead of a look and a read (<see cref="ProductBlobStore.DownloadUpToAsync"/>).</summary>
    public Task<BoundedRead?> ReadInputUpToAsync(string blobName, long maxBytes, CancellationToken cancellationToken = default) =>
        Inputs.DownloadUpToAsync(blobName, maxBytes, cancellationToken);

    public Task<byte[]> ReadInputIfMatchAsync(string blobName, string eTag, CancellationToken cancellationToken = default) =>
        Inputs.DownloadBytesIfMatchAsync(blobName, eTag, cancellationToken);

    public Task<Stream> OpenReadAsync(StoreArea area, string blobName, CancellationToken cancellationToken = default) =>
        Container(area).OpenReadAsync(blobName, cancellationToken);

    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default) =>
        Products.UploadAsync(blobName, content, contentType, cancellationToken);

    public Task WriteOverAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default) =>
        Products.UploadAsync(blobName, content, contentType, lookFirst: true, cancellationToken);

    public Task<bool> UpsertAsync<T>(T row, CancellationToken cancellationToken = default) where T : ITableRow<T> =>
        Tables.UpsertAsync(row, cancellationToken);

    public Task<int> UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : ITableRow<T> =>
        Tables.UpsertAllAsync(rows, cancellationToken);

    public IAsyncEnumerable<T> QueryAssetAsync<T>(string assetId, string settingsKey, CancellationToken cancellationToken = default) where T : ITableRow<T> =>
        Tables.QueryAssetAsync<T>(assetId, settingsKey, cancellationToken);

    private ProductBlobStore Container(StoreArea area) => area == StoreArea.Inputs ? Inputs : Products;
}
