namespace MineFunctions.Infrastructure.Gdal;

/// <summary>A pixel rectangle of a raster: column/row offset and size. Never silently cropped.</summary>
public readonly record struct RasterWindow(int X, int Y, int Width, int Height)
{
    public long PixelCount => (long)Width * Height;

    public static RasterWindow Whole(int width, int height) => new(0, 0, width, height);

    /// <summary>Throws unless the window lies entirely inside a width × height raster.</summary>
    public void EnsureInside(int width, int height)
    {
        if (Width <= 0 || Height <= 0 || X < 0 || Y < 0 || (long)X + Width > width || (long)Y + Height > height)
            throw new ArgumentOutOfRangeException(nameof(RasterWindow),
                $"Window x={X} y={Y} {Width}×{Height} is not inside the {width}×{height} raster.");
    }
}
