namespace MineFunctions.Infrastructure.Gdal;

/// <summary>CRS helpers for building grids outside this assembly (e.g. simulated rasters in the demo or tests).</summary>
public static class GridCrs
{
    /// <summary>The WKT of an EPSG code, as libgdal's PROJ database defines it.</summary>
    public static string Wkt(int epsg) => SpatialReference.WktOfEpsg(epsg);

    /// <summary>The EPSG code of a CRS given as WKT (or any GDAL user input), or null when it has none.</summary>
    public static int? Epsg(string crs)
    {
        using var srs = SpatialReference.Parse(crs);
        return srs.TryGetEpsg();
    }
}
