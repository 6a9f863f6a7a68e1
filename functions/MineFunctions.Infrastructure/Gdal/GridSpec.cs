namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// A raster grid: size, GDAL geotransform (x = gt0 + col·gt1 + row·gt2, y = gt3 + col·gt4 + row·gt5,
/// for the pixel corner at (col, row)) and CRS as WKT ("" when unknown).
/// </summary>
public sealed record GridSpec(int Width, int Height, double[] GeoTransform, string CrsWkt)
{
    public long PixelCount => (long)Width * Height;

    /// <summary>World coordinates of a fractional pixel position (corner convention: (0,0) is the top-left corner).</summary>
    public (double X, double Y) PixelToWorld(double column, double row)
    {
        var g = GeoTransform;
        return (g[0] + column * g[1] + row * g[2], g[3] + column * g[4] + row * g[5]);
    }

    /// <summary>Fractional pixel position of a world coordinate (inverse of the affine geotransform).</summary>
    public (double Column, double Row) WorldToPixel(double x, double y)
    {
        var g = GeoTransform;
        var det = g[1] * g[5] - g[2] * g[4];
        if (det == 0) throw new InvalidOperationException("The geotransform is singular (zero pixel size).");
        var dx = x - g[0];
        var dy = y - g[3];
        return ((g[5] * dx - g[2] * dy) / det, (-g[4] * dx + g[1] * dy) / det);
    }

    /// <summary>Builds a north-up grid (no rotation) from its top-left corner and pixel size.</summary>
    public static GridSpec NorthUp(int width, int height, double left, double top, double pixelWidth, double pixelHeight, string crsWkt) =>
        new(width, height, [left, pixelWidth, 0, top, 0, -Math.Abs(pixelHeight)], crsWkt);

    public override string ToString() =>
        $"{Width}×{Height}, geotransform [{string.Join(", ", GeoTransform.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}
