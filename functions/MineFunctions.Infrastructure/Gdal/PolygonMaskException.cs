namespace MineFunctions.Infrastructure.Gdal;

/// <summary>A mine polygon that cannot make a mask: invalid, empty, not a polygon, no CRS, or outside the raster.</summary>
public sealed class PolygonMaskException(string message) : FormatException(message);
