using System.Globalization;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// How rasters are written. Defaults: ZSTD + floating-point predictor for Float32 (the best read and
/// write throughput at a DEFLATE-like ratio in `mine bench io`; see the README), 256 px tiles, or smaller ones for a
/// raster smaller than a tile (<see cref="TileEdge"/>).
/// </summary>
public sealed record GeoTiffOptions
{
    public GeoTiffCodec Codec { get; init; } = GeoTiffCodec.Zstd;

    /// <summary>ZSTD_LEVEL / ZLEVEL; null = the driver default (ZSTD 9, DEFLATE 6). Level 1 trades ratio for speed.</summary>
    public int? Level { get; init; } = 1;

    /// <summary>Cloud-Optimised GeoTIFF layout (COG driver: tiles, overviews, header first) for products users download.</summary>
    public bool CloudOptimised { get; init; }

    public int BlockSize { get; init; } = 256;

    /// <summary>Value written where a Float32/complex input is NaN; NaN keeps NaN as the file's nodata.</summary>
    public double FloatNoData { get; init; } = double.NaN;

    /// <summary>Nodata of Byte rasters (e.g. 255 = excluded in the class raster); null = none.</summary>
    public byte? ByteNoData { get; init; }

    /// <summary>Compression threads: "ALL_CPUS" or a number.</summary>
    public string NumThreads { get; init; } = "ALL_CPUS";

    /// <summary>Dataset tags written into the file (e.g. FIRST_DATE, SECOND_DATE).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public static GeoTiffOptions Default { get; } = new();

    /// <summary>Creation options for the GTiff (or, when <paramref name="cog"/>, the COG) driver, as gdal_translate -co takes them.</summary>
    public IReadOnlyList<string> CreationOptionsFor(RasterDataType type, bool cog, int width, int height) => CreationOptions(type, cog, width, height).ToList();

    /// <summary>
    /// The tile edge along an axis of <paramref name="pixels"/>: <see cref="BlockSize"/>, or for a raster smaller than that
    /// the least multiple of 16 (TIFF's rule for tiles) that holds it. A whole tile is compressed and decompressed, and
    /// run through the predictor, whatever part of it the raster covers: a 64² raster in 256² tiles cost its reads and
    /// writes 16 times its pixels (docs/BENCHMARKS.md, "Tiles the size of the raster").
    /// </summary>
    public int TileEdge(int pixels) => pixels <= 0 ? BlockSize : Math.Min(BlockSize, (pixels + 15) / 16 * 16);

    internal IEnumerable<string> CreationOptions(RasterDataType type, bool cog, int width, int height)
    {
        if (Codec == GeoTiffCodec.Lerc && type is not (RasterDataType.Float32 or RasterDataType.Float64))
            throw new ArgumentException($"LERC is used for floating-point rasters only, not {type}.");
        var inv = CultureInfo.InvariantCulture;
        var compress = Codec switch
        {
            GeoTiffCodec.None => "NONE",
            GeoTiffCodec.Deflate => "DEFLATE",
            GeoTiffCodec.Zstd => "ZSTD",
            GeoTiffCodec.Lzw => "LZW",
            GeoTiffCodec.Lerc => "LERC",
            _ => throw new ArgumentOutOfRangeException(nameof(Codec), Codec, null),
        };
        yield return $"COMPRESS={compress}";
        // PREDICTOR=3 (floating point) is defined for real float samples only (not complex, not integers).
        var predictor = Codec is GeoTiffCodec.Deflate or GeoTiffCodec.Zstd or GeoTiffCodec.Lzw && type is RasterDataType.Float32 or RasterDataType.Float64;
        if (predictor) yield return cog ? "PREDICTOR=FLOATING_POINT" : "PREDICTOR=3";
        if (Level is { } level && Codec == GeoTiffCodec.Zstd) yield return cog ? $"LEVEL={level.ToString(inv)}" : $"ZSTD_LEVEL={level.ToString(inv)}";
        if (Level is { } zl && Codec == GeoTiffCodec.Deflate) yield return cog ? $"LEVEL={Math.Min(9, zl).ToString(inv)}" : $"ZLEVEL={Math.Min(9, zl).ToString(inv)}";
        if (Codec == GeoTiffCodec.Lerc) yield return "MAX_Z_ERROR=0";
        yield return $"NUM_THREADS={NumThreads}";
        yield return "BIGTIFF=IF_SAFER";
        if (cog)
        {
            // The COG driver takes one edge for both axes.
            yield return $"BLOCKSIZE={TileEdge(Math.Max(width, height)).ToString(inv)}";
            // Classes and RGB must not be blended in overviews; coherence-like floats may be averaged.
            yield return type == RasterDataType.Byte ? "RESAMPLING=NEAREST" : "RESAMPLING=AVERAGE";
        }
        else
        {
            yield return "TILED=YES";
            yield return $"BLOCKXSIZE={TileEdge(width).ToString(inv)}";
            yield return $"BLOCKYSIZE={TileEdge(height).ToString(inv)}";
        }
    }
}
