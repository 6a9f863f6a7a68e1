using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// GeoTIFF blobs ⇄ Core arrays. Content goes through GDAL's /vsimem/, never temp files. Products
/// are written as tiled ZSTD GeoTIFF (the codec chosen by `mine bench io`); identical content is not
/// rewritten (the stores compare hashes), so re-runs change nothing.
/// </summary>
public static class RasterBlobs
{
    /// <summary>
    /// A Float32 band; a HyP3 product zip gives its <c>_corr.tif</c>, read in place through <c>/vsizip/</c>;
    /// a SNAP band (<c>pairs/&lt;product&gt;.data/&lt;band&gt;.img</c>) is read with its .hdr and the product's .dim.
    /// </summary>
    public static Task<(float[] Pixels, GridSpec Grid)> ReadFloat32Async(ProductBlobStore store, string blobName, RasterReadOptions options, CancellationToken cancellationToken) =>
        ReadFloat32Async(name => store.DownloadBytesAsync(name, cancellationToken), blobName, options);

    /// <inheritdoc cref="ReadFloat32Async(ProductBlobStore, string, RasterReadOptions, CancellationToken)"/>
    public static Task<(float[] Pixels, GridSpec Grid)> ReadFloat32Async(this IProductStore store, StoreArea area, string blobName, CancellationToken cancellationToken) =>
        ReadFloat32Async(name => store.ReadAsync(area, name, cancellationToken), blobName, store.ReadOptions);

    /// <summary>
    /// An input raster read only at the version discovery pinned (<paramref name="pinnedETag"/>; null reads whatever is
    /// there): replaced since, it throws a 412 <see cref="Azure.RequestFailedException"/>, deleted a 404. A SNAP band's
    /// .hdr and .dim companions are read as they are (discovery checked them; a broken one is a GDAL error).
    /// </summary>
    public static Task<(float[] Pixels, GridSpec Grid)> ReadInputFloat32Async(this IProductStore store, string blobName, string? pinnedETag, CancellationToken cancellationToken) =>
        ReadFloat32Async(name => ReadInput(store, name, name == blobName ? pinnedETag : null, cancellationToken), blobName, store.ReadOptions);

    /// <summary>An SLC acquisition (Complex64) read only at its pinned version, as <see cref="ReadInputFloat32Async"/>.</summary>
    public static async Task<(float[] Pixels, GridSpec Grid)> ReadInputComplex64Async(this IProductStore store, string blobName, string? pinnedETag, CancellationToken cancellationToken)
    {
        var bytes = await ReadInput(store, blobName, pinnedETag, cancellationToken);
        using var raster = GdalRaster.OpenBytes(bytes, Path.GetFileName(blobName), store.ReadOptions);
        return (raster.ReadComplex64(), raster.Grid);
    }

    /// <summary>Every band of a Float32 product written by <see cref="WriteFloat32BandsAsync"/> (or of one band), band 1 first.</summary>
    public static async Task<(float[][] Bands, GridSpec Grid)> ReadFloat32BandsAsync(this IProductStore store, StoreArea area, string blobName, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(area, blobName, cancellationToken);
        using var raster = GdalRaster.OpenBytes(bytes, Path.GetFileName(blobName), store.ReadOptions);
        return ([.. Enumerable.Range(1, raster.Info.BandCount).Select(b => raster.ReadFloat32(b))], raster.Grid);
    }

    public static Task<BlobWriteResult> WriteFloat32Async(ProductBlobStore store, string blobName, float[] pixels, GridSpec grid, CancellationToken cancellationToken) =>
        store.UploadAsync(blobName, GeoTiffWriter.WriteFloat32ToBytes(pixels, grid), "image/tiff", cancellationToken);

    public static Task WriteFloat32Async(this IProductStore store, string blobName, float[] pixels, GridSpec grid, CancellationToken cancellationToken) =>
        store.WriteAsync(blobName, GeoTiffWriter.WriteFloat32ToBytes(pixels, grid), "image/tiff", cancellationToken);

    /// <summary>Float32 bands of one grid as one product (<see cref="GeoTiffWriter.WriteFloat32BandsToBytes"/>).</summary>
    public static Task WriteFloat32BandsAsync(this IProductStore store, string blobName, IReadOnlyList<float[]> bands, GridSpec grid, CancellationToken cancellationToken) =>
        store.WriteAsync(blobName, GeoTiffWriter.WriteFloat32BandsToBytes(bands, grid), "image/tiff", cancellationToken);

    public static Task WriteByteAsync(this IProductStore store, string blobName, IReadOnlyList<byte[]> bands, GridSpec grid, byte? noData, bool cloudOptimised, CancellationToken cancellationToken) =>
        store.WriteAsync(blobName,
            GeoTiffWriter.WriteByteToBytes(bands, grid, GeoTiffOptions.Default with { ByteNoData = noData, CloudOptimised = cloudOptimised }),
            "image/tiff", cancellationToken);

    private static Task<byte[]> ReadInput(IProductStore store, string blobName, string? pinnedETag, CancellationToken cancellationToken) =>
        pinnedETag is null ? store.ReadAsync(StoreArea.Inputs, blobName, cancellationToken) : store.ReadInputIfMatchAsync(blobName, pinnedETag, cancellationToken);

    private static async Task<(float[] Pixels, GridSpec Grid)> ReadFloat32Async(Func<string, Task<byte[]>> read, string blobName, RasterReadOptions options)
    {
        if (!Dimap.IsBandImage(blobName)) return Float32(await read(blobName), blobName, options);
        // A SNAP band: its ENVI header and the product's .dim (nodata, georeferencing) are read with it.
        var (enviHeader, productHeader, band) = Dimap.CompanionsOf(blobName);
        Core.Pairs.DimapHeader header;
        try
        {
            header = Core.Pairs.DimapHeader.Parse(await read(productHeader), Path.GetFileName(productHeader));
        }
        catch (FormatException ex)
        {
            // Replaced since discovery read it: an unreadable pair (reported), not a failed activity.
            throw new GdalFormatException(ex.Message);
        }
        var image = await read(blobName);
        var envi = await read(enviHeader);
        using var dimap = DimapRaster.OpenBand(header, band, image, envi, Path.GetFileName(blobName), options);
        return (dimap.ReadFloat32(), dimap.Grid);
    }

    /// <summary>Band 1 of raster bytes already read (a product zip's coherence entry for a HyP3 zip).</summary>
    internal static (float[] Pixels, GridSpec Grid) Float32(byte[] bytes, string blobName, RasterReadOptions options)
    {
        var name = Path.GetFileName(blobName);
        using var raster = Hyp3Zip.IsZip(name)
            ? GdalRaster.OpenZipEntry(bytes, name, Hyp3Zip.Inspect(new MemoryStream(bytes, writable: false), name).CoherenceEntry, options)
            : GdalRaster.OpenBytes(bytes, name, options);
        return (raster.ReadFloat32(), raster.Grid);
    }
}
