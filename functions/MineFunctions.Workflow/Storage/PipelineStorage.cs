using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// The three stores every activity works with: the input container (read only), the product
/// container and the result tables. One instance per host, shared by all activities.
/// </summary>
public sealed class PipelineStorage(ProductBlobStore inputs, ProductBlobStore products, ResultTableStore tables, RasterReadOptions? readOptions = null)
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

    /// <summary>The settings key (product folder and row-key prefix) of a settings snapshot.</summary>
    public static string KeyOf(PipelineSettings settings) => SettingsFingerprint.Of(settings);
}
