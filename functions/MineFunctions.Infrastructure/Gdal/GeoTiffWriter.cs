using System.Buffers;
using MineFunctions.Infrastructure.Files;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Writes Core arrays as tiled, compressed GeoTIFF (or COG) with geotransform, CRS and nodata, to a
/// path or to bytes (through a private /vsimem/ file). Float input follows the Core convention:
/// NaN is nodata and becomes <see cref="GeoTiffOptions.FloatNoData"/> in the file.
/// </summary>
public static class GeoTiffWriter
{
    private const int RowsPerChunk = 256;

    /// <summary>Float32 GeoTIFF at <paramref name="path"/>; a local file is written whole or not at all (<see cref="AtomicFile"/>).</summary>
    public static void WriteFloat32(string path, ReadOnlySpan<float> pixels, GridSpec grid, GeoTiffOptions? options = null)
    {
        if (IsVirtual(path))
        {
            WriteFloatRaster(path, pixels, [], grid, options, 1, RasterDataType.Float32, "Float32 pixels");
            return;
        }
        using var pending = AtomicFile.Create(path);
        try
        {
            WriteFloatRaster(pending.TempPath, pixels, [], grid, options, 1, RasterDataType.Float32, "Float32 pixels");
        }
        catch (GdalException ex)
        {
            throw pending.Explain(ex);
        }
        pending.Commit();
    }

    /// <summary>GDAL's virtual file systems (/vsimem/, /vsiaz/…) have no rename; they are written in place.</summary>
    private static bool IsVirtual(string path) => path.StartsWith("/vsi", StringComparison.Ordinal);

    public static byte[] WriteFloat32ToBytes(ReadOnlySpan<float> pixels, GridSpec grid, GeoTiffOptions? options = null)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        WriteFloat32(file.Path, pixels, grid, options);
        return file.TakeBytes();
    }

    /// <summary>
    /// Float32 bands of one grid as one GeoTIFF's bytes, band 1 first, NaN written as each band's nodata: products read
    /// together (an annual mean with its pair and disturbed counts) cost one blob instead of one each.
    /// </summary>
    public static byte[] WriteFloat32BandsToBytes(IReadOnlyList<float[]> bands, GridSpec grid, GeoTiffOptions? options = null)
    {
        if (bands.Count == 0) throw new ArgumentException("At least one band is needed.", nameof(bands));
        using var file = VsiMemFile.ForWriting(".tif");
        WriteFloatRaster(file.Path, bands[0], [.. bands.Skip(1)], grid, options, 1, RasterDataType.Float32, "Float32 pixels");
        return file.TakeBytes();
    }

    /// <summary>Interleaved complex64 (re, im, ...) as CFloat32; a sample with NaN in re or im becomes (nodata, 0).</summary>
    public static void WriteComplex64(string path, ReadOnlySpan<float> interleaved, GridSpec grid, GeoTiffOptions? options = null)
    {
        WriteFloatRaster(path, interleaved, [], grid, options, 2, RasterDataType.CFloat32, "complex64 samples (2 per pixel)");
    }

    /// <summary>Interleaved complex64 as CFloat32 GeoTIFF bytes (e.g. an SLC acquisition for blob storage).</summary>
    public static byte[] WriteComplex64ToBytes(ReadOnlySpan<float> interleaved, GridSpec grid, GeoTiffOptions? options = null)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        WriteComplex64(file.Path, interleaved, grid, options);
        return file.TakeBytes();
    }

    /// <summary>
    /// Band 1 (<paramref name="samples"/>) and any <paramref name="moreBands"/> of Float32 (1 sample per pixel) or CFloat32 (2),
    /// with NaN written as the nodata value.
    /// </summary>
    private static void WriteFloatRaster(string path, ReadOnlySpan<float> samples, IReadOnlyList<float[]> moreBands, GridSpec grid, GeoTiffOptions? options, int samplesPerPixel, RasterDataType type, string what)
    {
        options ??= GeoTiffOptions.Default;
        EnsureLength(samples.Length, samplesPerPixel * grid.PixelCount, what);
        foreach (var band in moreBands) EnsureLength(band.Length, samplesPerPixel * grid.PixelCount, what);
        using var ds = Begin(path, grid, 1 + moreBands.Count, type, options, out var finish);
        try
        {
            WriteFloatRows(ds, 1, samples, grid, samplesPerPixel, type, options.FloatNoData);
            ds.SetNoData(1, options.FloatNoData);
            for (var i = 0; i < moreBands.Count; i++)
            {
                WriteFloatRows(ds, i + 2, moreBands[i], grid, samplesPerPixel, type, options.FloatNoData);
                ds.SetNoData(i + 2, options.FloatNoData);
            }
            finish();
        }
        catch
        {
            // Never leave a half-written file that a retry or a reader could take for a product.
            ds.Dispose();
            GdalNative.VSIUnlink(path);
            throw;
        }
    }

    /// <summary>One or more Byte bands (e.g. a class raster, or R, G, B), each row-major width × height.</summary>
    public static void WriteByte(string path, IReadOnlyList<byte[]> bands, GridSpec grid, GeoTiffOptions? options = null)
    {
        if (IsVirtual(path)) WriteByteRaster(path, bands, grid, options);
        else AtomicFile.Write(path, temp => WriteByteRaster(temp, bands, grid, options));
    }

    private static void WriteByteRaster(string path, IReadOnlyList<byte[]> bands, GridSpec grid, GeoTiffOptions? options)
    {
        options ??= GeoTiffOptions.Default;
        if (bands.Count == 0) throw new ArgumentException("At least one band is needed.", nameof(bands));
        foreach (var b in bands) EnsureLength(b.Length, grid.PixelCount, "Byte pixels");
        using var ds = Begin(path, grid, bands.Count, RasterDataType.Byte, options, out var finish);
        try
        {
            for (var i = 0; i < bands.Count; i++)
            {
                ds.Write<byte>(i + 1, RasterWindow.Whole(grid.Width, grid.Height), RasterDataType.Byte, bands[i]);
                if (options.ByteNoData is { } nd) ds.SetNoData(i + 1, nd);
            }
            if (bands.Count == 3)
            {
                // GCI_RedBand = 3, GreenBand = 4, BlueBand = 5: viewers show the three bands as RGB.
                for (var i = 0; i < 3; i++) ds.SetColorInterpretation(i + 1, 3 + i);
            }
            finish();
        }
        catch
        {
            // Never leave a half-written file that a retry or a reader could take for a product.
            ds.Dispose();
            GdalNative.VSIUnlink(path);
            throw;
        }
    }

    public static byte[] WriteByteToBytes(IReadOnlyList<byte[]> bands, GridSpec grid, GeoTiffOptions? options = null)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        WriteByte(file.Path, bands, grid, options);
        return file.TakeBytes();
    }

    /// <summary>
    /// GTiff: created in place and closed by <paramref name="finish"/> (GDALClose compresses and
    /// flushes). COG: filled in a MEM dataset, then copied by the COG driver (which needs a complete
    /// source to lay out overviews and tiles).
    /// </summary>
    private static GdalDataset Begin(string path, GridSpec grid, int bands, RasterDataType type, GeoTiffOptions options, out Action finish)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (grid.Width <= 0 || grid.Height <= 0) throw new ArgumentException($"Invalid grid size {grid.Width}×{grid.Height}.", nameof(grid));
        GdalDataset ds;
        if (options.CloudOptimised)
        {
            ds = GdalDataset.CreateInMemory(grid, bands, type);
            finish = () => ds.CopyTo("COG", path, options.CreationOptions(type, cog: true, grid.Width, grid.Height));
        }
        else
        {
            // Bands written one after another into pixel-interleaved compressed tiles would have each tile decompressed and
            // compressed again for every band (3 bands took 3× as long as 3 files): each band gets tiles of its own.
            var creation = options.CreationOptions(type, cog: false, grid.Width, grid.Height);
            ds = GdalDataset.Create("GTiff", path, grid.Width, grid.Height, bands, type, bands > 1 ? creation.Append("INTERLEAVE=BAND") : creation);
            ds.SetGrid(grid);
            finish = () => ds.Close($"GeoTIFF '{path}'");
        }
        if (options.Metadata is { } tags)
        {
            foreach (var (k, v) in tags) ds.SetMetadataItem(k, v);
        }
        return ds;
    }

    private static void WriteFloatRows(GdalDataset ds, int band, ReadOnlySpan<float> values, GridSpec grid, int samplesPerPixel, RasterDataType type, double noData)
    {
        if (double.IsNaN(noData))
        {
            ds.Write(band, RasterWindow.Whole(grid.Width, grid.Height), type, values);
            return;
        }
        // NaN → nodata in row chunks through a pooled buffer: the caller's array is never modified.
        var rowLength = grid.Width * samplesPerPixel;
        var buffer = ArrayPool<float>.Shared.Rent(rowLength * Math.Min(RowsPerChunk, grid.Height));
        try
        {
            var nd = (float)noData;
            for (var row = 0; row < grid.Height; row += RowsPerChunk)
            {
                var rows = Math.Min(RowsPerChunk, grid.Height - row);
                var chunk = buffer.AsSpan(0, rows * rowLength);
                values.Slice(row * rowLength, chunk.Length).CopyTo(chunk);
                if (samplesPerPixel == 1)
                {
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        if (float.IsNaN(chunk[i])) chunk[i] = nd;
                    }
                }
                else
                {
                    for (var i = 0; i < chunk.Length; i += 2)
                    {
                        if (float.IsNaN(chunk[i]) || float.IsNaN(chunk[i + 1])) { chunk[i] = nd; chunk[i + 1] = 0f; }
                    }
                }
                ds.Write<float>(band, new RasterWindow(0, row, grid.Width, rows), type, chunk);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static void EnsureLength(int actual, long expected, string what)
    {
        if (actual != expected) throw new ArgumentException($"Expected {expected:N0} {what} for the grid, got {actual:N0}.");
    }
}
