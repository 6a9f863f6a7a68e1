using System.Text;
using System.Text.RegularExpressions;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.App.Results;

/// <summary>
/// Opens products of the settings in force from the products container (<see cref="ProductLayout"/>):
/// an asset's latest composite quick-look, and a sector's Climate TRACE export gathered from every
/// asset's export of that sector.
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
            var file = blob.Name[prefix.Length..];
            if (CompositePng().IsMatch(file) && string.CompareOrdinal(file, latest is null ? "" : latest[prefix.Length..]) > 0)
                latest = blob.Name;
        }
        return latest is null ? null : new ProductContent(await products.OpenReadAsync(latest, cancellationToken), "image/png");
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenSectorExportAsync(string sector, CancellationToken cancellationToken)
    {
        // One CSV per asset; the sector file is their concatenation with a single header. It is
        // spooled to a temporary file, so memory stays flat for a thousand assets and a read error
        // becomes an error response instead of a truncated download.
        var key = settings.Key;
        FileStream? spool = null;
        string? header = null;
        try
        {
            await foreach (var asset in products.ListAssetIdsAsync(cancellationToken))
            {
                var name = ProductLayout.ExportCsv(asset, key, sector);
                if (!await products.ExistsAsync(name, cancellationToken)) continue;
                spool ??= new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                header = await AppendAsync(spool, name, header, cancellationToken);
            }
        }
        catch
        {
            if (spool is not null) await spool.DisposeAsync();
            throw;
        }
        if (spool is null) return null;
        spool.Position = 0;
        return new ProductContent(spool, "text/csv");
    }

    private async Task<string> AppendAsync(Stream spool, string blobName, string? header, CancellationToken cancellationToken)
    {
        await using var source = await products.OpenReadAsync(blobName, cancellationToken);
        using var reader = new StreamReader(source, Encoding.UTF8);
        var first = await reader.ReadLineAsync(cancellationToken) ?? "";
        if (header is not null && first != header)
            throw new InvalidDataException($"{blobName}: its CSV header differs from the other assets' exports.");
        var writer = new StreamWriter(spool, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await using (writer)
        {
            if (header is null) await writer.WriteLineAsync(first);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0) await writer.WriteLineAsync(line);
            }
        }
        return first;
    }

    [GeneratedRegex(@"^composite_\d{4}-\d{4}\.png$", RegexOptions.CultureInvariant)]
    private static partial Regex CompositePng();
}
