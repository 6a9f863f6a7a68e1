namespace MineFunctions.Infrastructure.Gdal;

/// <summary>What the reader sees in a raster's header (band 1 for the per-band fields).</summary>
public sealed record RasterInfo(
    string Driver,
    int Width,
    int Height,
    int BandCount,
    RasterDataType DataType,
    double[] GeoTransform,
    string CrsWkt,
    int? Epsg,
    double? NoData,
    IReadOnlyDictionary<string, string> Metadata,
    int BlockWidth,
    int BlockHeight)
{
    public GridSpec Grid => new(Width, Height, GeoTransform, CrsWkt);
}
