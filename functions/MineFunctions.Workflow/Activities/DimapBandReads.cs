using MineFunctions.Core.Pairs;

namespace MineFunctions.Workflow.Activities;

/// <summary>Discovery's reads of SNAP BEAM-DIMAP products (<c>pairs/&lt;product&gt;.dim</c> and <c>.data/coh_*.img</c>).</summary>
internal static class DimapBandReads
{
    /// <summary>
    /// The pair dates of each coherence band among <paramref name="rasters"/> (<see cref="DimapBandPair"/>), with its
    /// product's metadata added to <paramref name="products"/>; each .dim is read once. A band that is no pair, and a
    /// .dim that does not parse, are left out and reported.
    /// </summary>
    public static async Task<Dictionary<string, (DateOnly Reference, DateOnly Secondary)>> ReadDimapBandsAsync(this IProductStore store,
        List<InputBlob> rasters, HashSet<string> listed, Dictionary<string, Hyp3ProductInfo> products, List<InputReportLine> report)
    {
        var dates = new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal);
        var headers = new Dictionary<string, DimapHeader?>(StringComparer.Ordinal);
        foreach (var raster in rasters.Where(r => Dimap.IsBandImage(r.BlobName)))
        {
            var (enviHeader, productHeader, bandName) = Dimap.CompanionsOf(raster.BlobName);
            var dimFile = Path.GetFileName(productHeader);
            var problem = DimapBandPair.MissingCompanion(dimFile, bandName, listed.Contains(productHeader), listed.Contains(enviHeader));
            if (problem is null)
            {
                if (!headers.TryGetValue(productHeader, out var header)) headers[productHeader] = header = await ReadHeaderAsync(store, productHeader, dimFile, report);
                if (DimapBandPair.Of(header, dimFile, bandName, out problem) is { } pair)
                {
                    dates[raster.BlobName] = pair.Dates;
                    products[raster.BlobName] = pair.Product;
                }
            }
            if (problem is not null) report.Add(new InputReportLine(WithoutAsset(raster.BlobName), "excluded", problem));
        }
        return dates;
    }

    /// <summary>The product's .dim; null, reported, when it is not a BEAM-DIMAP header.</summary>
    private static async Task<DimapHeader?> ReadHeaderAsync(IProductStore store, string productHeader, string dimFile, List<InputReportLine> report)
    {
        try
        {
            return DimapHeader.Parse(await store.ReadAsync(StoreArea.Inputs, productHeader, ActivityCancellation.Token), dimFile);
        }
        catch (FormatException e)
        {
            report.Add(new InputReportLine(WithoutAsset(productHeader), "excluded", e.Message));
            return null;
        }
    }

    private static string WithoutAsset(string blobName) => blobName[(blobName.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
