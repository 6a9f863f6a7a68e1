using System.Text.RegularExpressions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.App.Results;

/// <summary>
/// Opens products of the settings in force from the products container, at the names the workflow
/// writes: an asset's latest composite quick-look (<see cref="ProductLayout.Png"/>) and a sector's
/// run-level Climate TRACE export (<see cref="WorkflowProducts.Export"/>).
/// </summary>
public sealed partial class BlobProductReader(ProductBlobStore products, CurrentSettings settings) : IProductReader
{
    /// <inheritdoc />
    public async Task<ProductContent?> OpenCompositePngAsync(string assetId, CancellationToken cancellationToken)
    {
        // Quick-looks are named composite_<y1>-<y3>.png; the latest window is the one to show.
        var prefix = ProductLayout.Prefix(assetId, settings.Key) + "png/";
        string? latest = null;
        await foreach (var blob in products.ListAsync(prefix, cancellationToken))
        {
            if (CompositePng().IsMatch(blob.Name.AsSpan(prefix.Length)) && string.CompareOrdinal(blob.Name, latest) > 0)
                latest = blob.Name;
        }
        return latest is null ? null : new ProductContent(await products.OpenReadAsync(latest, cancellationToken), "image/png");
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenSectorExportAsync(Commodity commodity, CancellationToken cancellationToken)
    {
        var name = WorkflowProducts.Export(settings.Key, ClimateTraceFormat.SourcesFileName(commodity));
        return await products.GetAsync(name, cancellationToken) is null
            ? null
            : new ProductContent(await products.OpenReadAsync(name, cancellationToken), "text/csv");
    }

    [GeneratedRegex(@"^composite_\d{4}-\d{4}\.png$", RegexOptions.CultureInvariant)]
    private static partial Regex CompositePng();
}
