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

    /// <summary>
    /// What a map frame needs to know of a CRS given as WKT: its EPSG code (or null), its name (the
    /// WKT's first quoted text), whether its axes are degrees, and metres per unit of a projected CRS.
    /// </summary>
    public static CrsSummary Describe(string crsWkt)
    {
        using var srs = SpatialReference.Parse(crsWkt);
        var open = crsWkt.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : crsWkt.IndexOf('"', open + 1);
        var name = close > open ? crsWkt[(open + 1)..close] : "";
        return new CrsSummary(srs.TryGetEpsg(), name, srs.IsGeographic, srs.IsProjected ? srs.MetresPerLinearUnit : 0);
    }
}

/// <summary>A CRS as a map frame sees it (see <see cref="GridCrs.Describe"/>).</summary>
/// <param name="Epsg">EPSG code, or null.</param>
/// <param name="Name">The CRS's name from its WKT ("WGS 84 / UTM zone 34S").</param>
/// <param name="Geographic">Axes are longitude and latitude in degrees.</param>
/// <param name="MetresPerUnit">Metres per axis unit of a projected CRS; 0 for a geographic one.</param>
public sealed record CrsSummary(int? Epsg, string Name, bool Geographic, double MetresPerUnit);
