using MineFunctions.Core.Pairs;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Reads a band of a SNAP BEAM-DIMAP product (docs/INPUTS.md): GDAL has no BEAM-DIMAP driver (its
/// "DIMAP" is SPOT's), so the band's ENVI <c>.img</c>/<c>.hdr</c> pair is opened with GDAL's ENVI driver
/// and the <c>.dim</c> supplies what the ENVI header lacks or SNAP keeps only there: the band's nodata
/// (<c>NO_DATA_VALUE</c>) and the georeferencing (WKT and image-to-model transform), which take precedence
/// over the ENVI <c>map info</c>. Without them in the .dim the ENVI header's georeferencing is kept.
/// </summary>
public static class DimapRaster
{
    /// <summary>Opens <paramref name="bandName"/> of a product from its parts' bytes (blobs held in memory).</summary>
    public static GdalRaster OpenBand(DimapHeader header, string bandName, ReadOnlySpan<byte> image, ReadOnlySpan<byte> enviHeader, string name, RasterReadOptions? options = null)
    {
        var band = header.Band(bandName) ?? throw new GdalFormatException(
            $"'{name}': the product header lists no band '{bandName}' (it has {string.Join(", ", header.Bands.Select(b => b.Name))}).");
        // Coherence is written unscaled by SNAP; a scaled band would need its pixels rescaled, which no reader here does.
        if (band.ScalingFactor != 1 || band.ScalingOffset != 0)
            throw new GdalFormatException($"'{name}': band '{bandName}' is scaled (factor {band.ScalingFactor}, offset {band.ScalingOffset}); only unscaled bands are read.");
        return GdalRaster.OpenEnvi(image, enviHeader, name, band.NoData, band.GeoTransform, band.GeoTransform is null ? null : header.CrsWkt, options);
    }

    /// <summary>
    /// Opens a product on disk: <paramref name="path"/> is its <c>.dim</c> (its coherence band, which must
    /// be the only one unless <paramref name="bandName"/> names it) or a band's <c>.img</c> in its <c>.data/</c> folder.
    /// </summary>
    public static (GdalRaster Raster, DimapHeader Header, DimapBand Band) OpenFile(string path, string? bandName = null, RasterReadOptions? options = null)
    {
        string dim;
        if (path.EndsWith(Dimap.HeaderExtension, StringComparison.Ordinal))
        {
            dim = path;
        }
        else
        {
            var full = Path.GetFullPath(path).Replace('\\', '/');
            if (!Dimap.IsBandImage(full)) throw new ArgumentException($"'{path}' is neither a .dim nor a band .img in a SNAP .data folder.", nameof(path));
            (_, dim, bandName) = Dimap.CompanionsOf(full);
        }
        if (!File.Exists(dim)) throw new FileNotFoundException($"SNAP product header '{dim}' does not exist.", dim);
        var header = DimapHeader.Parse(File.ReadAllBytes(dim), Path.GetFileName(dim));
        var band = bandName is not null
            ? header.Band(bandName) ?? throw new InvalidDataException($"{Path.GetFileName(dim)} lists no band '{bandName}'.")
            : header.Bands.Where(b => b.IsCoherence).ToList() switch
            {
                [var one] => one,
                var many => throw new InvalidDataException(
                    $"{Path.GetFileName(dim)} has {many.Count} coherence (coh_*) bands among {string.Join(", ", header.Bands.Select(b => b.Name))}; open one by its .img."),
            };
        var folder = dim[..^Dimap.HeaderExtension.Length] + Dimap.DataFolderSuffix;
        var (img, hdr) = (Path.Combine(folder, band.Name + ".img"), Path.Combine(folder, band.Name + ".hdr"));
        foreach (var file in new[] { img, hdr })
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"Band '{band.Name}' of {Path.GetFileName(dim)} has no {Path.GetFileName(file)} in {folder}.", file);
        }
        return (OpenBand(header, band.Name, File.ReadAllBytes(img), File.ReadAllBytes(hdr), img, options), header, band);
    }
}
