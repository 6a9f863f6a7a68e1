namespace MineFunctions.Infrastructure.Gdal;

/// <summary>How the per-pixel area was obtained (reported with every area, METHOD.md §1.5).</summary>
public enum PixelAreaMethod
{
    /// <summary>Projected CRS: |a·e − b·d| of the geotransform times the squared linear unit.</summary>
    ProjectedGeotransform,

    /// <summary>Geographic CRS: exact area of each row's ellipsoidal quadrangle.</summary>
    GeodesicPerRow,
}

/// <summary>Area in m² of one pixel in each row (all equal for a projected grid).</summary>
public sealed record PixelAreas(double[] SquareMetresPerRow, PixelAreaMethod Method)
{
    /// <summary>Total area of the pixels flagged in a row-major mask (e.g. one colour class).</summary>
    public double SumOver(ReadOnlySpan<byte> mask, int width, byte value)
    {
        var total = 0.0;
        for (var r = 0; r < SquareMetresPerRow.Length; r++)
        {
            var count = mask.Slice(r * width, width).Count(value);
            total += count * SquareMetresPerRow[r];
        }
        return total;
    }
}

/// <summary>
/// Real pixel area from the grid (METHOD.md §1.5: "the real pixel area of the exported grid, from
/// its geotransform and CRS, geodesic for EPSG:4326").
/// </summary>
public static class PixelArea
{
    public static PixelAreas ForGrid(GridSpec grid)
    {
        using var srs = SpatialReference.Parse(grid.CrsWkt);
        var g = grid.GeoTransform;
        if (srs.IsProjected)
        {
            // Affine pixel parallelogram area, in CRS units², converted with the CRS's linear unit (e.g. US feet).
            var unit = srs.MetresPerLinearUnit;
            var area = Math.Abs(g[1] * g[5] - g[2] * g[4]) * unit * unit;
            return new PixelAreas(Enumerable.Repeat(area, grid.Height).ToArray(), PixelAreaMethod.ProjectedGeotransform);
        }
        if (srs.IsGeographic)
        {
            if (g[2] != 0 || g[4] != 0)
                throw new NotSupportedException("A rotated geographic grid has no per-row pixel area; reproject it north-up first.");
            var rad = srs.RadiansPerAngularUnit;
            var a = srs.SemiMajorMetres;
            var invF = srs.InverseFlattening;
            var f = invF == 0 ? 0 : 1 / invF;
            var e2 = f * (2 - f);
            var dLon = Math.Abs(g[1]) * rad;
            var rows = new double[grid.Height];
            for (var r = 0; r < rows.Length; r++)
            {
                var lat1 = (g[3] + r * g[5]) * rad;
                var lat2 = (g[3] + (r + 1) * g[5]) * rad;
                rows[r] = QuadrangleArea(a, e2, dLon, lat1, lat2);
            }
            return new PixelAreas(rows, PixelAreaMethod.GeodesicPerRow);
        }
        throw new NotSupportedException("The grid's CRS is neither projected nor geographic: pixel area is undefined.");
    }

    /// <summary>
    /// Area of the ellipsoidal quadrangle between two parallels spanning dLon radians:
    /// A = (a²·Δλ/2)·|q(φ₁) − q(φ₂)|, with the authalic function
    /// q(φ) = (1 − e²)·[sinφ/(1 − e² sin²φ) − (1/(2e))·ln((1 − e sinφ)/(1 + e sinφ))]
    /// (Snyder 1987, "Map Projections: A Working Manual", USGS PP 1395, eq. 3-12; the zone between
    /// the equator and φ over all longitudes has area π·a²·q(φ)). Sphere (e = 0): q = 2 sinφ.
    /// </summary>
    public static double QuadrangleArea(double semiMajor, double eccentricitySquared, double dLon, double lat1, double lat2) =>
        semiMajor * semiMajor * dLon / 2 * Math.Abs(Q(eccentricitySquared, lat1) - Q(eccentricitySquared, lat2));

    private static double Q(double e2, double lat)
    {
        var s = Math.Sin(lat);
        if (e2 == 0) return 2 * s;
        var e = Math.Sqrt(e2);
        return (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * Math.Log((1 - e * s) / (1 + e * s)));
    }
}
