using MineFunctions.Core.Inputs;

namespace MineFunctions.App.Results;

/// <summary>Opens products from the products container for download.</summary>
public interface IProductReader
{
    /// <summary>The run-level Climate TRACE CSV of a commodity's sector (e.g. iron-mining), or null when not exported yet.</summary>
    Task<ProductContent?> OpenSectorExportAsync(Commodity commodity, CancellationToken cancellationToken);

    /// <summary>The latest RGB composite PNG of an asset, or null when none exists.</summary>
    Task<ProductContent?> OpenCompositePngAsync(string assetId, CancellationToken cancellationToken);
}
