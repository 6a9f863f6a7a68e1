namespace MineFunctions.Infrastructure.Gdal;

/// <summary>GeoTIFF compression codecs libgdal 3.6 (Debian) supports; all lossless as used here.</summary>
public enum GeoTiffCodec
{
    None,
    Deflate,
    Zstd,
    Lzw,
    /// <summary>LERC with MAX_Z_ERROR = 0 (lossless); floating-point data only.</summary>
    Lerc,
}
