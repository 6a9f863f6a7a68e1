using System.Globalization;
using System.Text;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Writes a polygon given in pixel coordinates of a grid as an RFC 7946 GeoJSON Feature
/// (EPSG:4326 longitude/latitude), e.g. the outline of a simulated mine. Pixel (column, row) uses
/// the corner convention of <see cref="GridSpec.PixelToWorld"/>.
/// </summary>
public static class PolygonGeoJson
{
    /// <summary>One polygon: the first ring is the shell, any further rings are holes. Rings are closed automatically.</summary>
    public static string FromPixelRings(IReadOnlyList<IReadOnlyList<(double Column, double Row)>> rings, GridSpec grid)
    {
        if (rings.Count == 0) throw new ArgumentException("A polygon needs a shell ring.", nameof(rings));
        using var source = SpatialReference.Parse(grid.CrsWkt);
        using var wgs84 = SpatialReference.FromEpsg(4326);
        var sb = new StringBuilder("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[");
        for (var r = 0; r < rings.Count; r++)
        {
            var ring = rings[r];
            if (ring.Count < 3) throw new ArgumentException($"Ring {r} has {ring.Count} vertices; a ring needs at least 3.", nameof(rings));
            var closed = ring[0] == ring[^1] ? ring : [.. ring, ring[0]];
            var x = new double[closed.Count];
            var y = new double[closed.Count];
            for (var i = 0; i < closed.Count; i++) (x[i], y[i]) = grid.PixelToWorld(closed[i].Column, closed[i].Row);
            source.TransformTo(wgs84, x, y);
            // RFC 7946 §3.1.6: shells counter-clockwise, holes clockwise (in lon/lat).
            if (SignedArea(x, y) > 0 != (r == 0)) { Array.Reverse(x); Array.Reverse(y); }
            if (r > 0) sb.Append(',');
            sb.Append('[');
            for (var i = 0; i < x.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append('[').Append(x[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                  .Append(y[i].ToString("R", CultureInfo.InvariantCulture)).Append(']');
            }
            sb.Append(']');
        }
        return sb.Append("]}}").ToString();
    }

    public static string FromPixelVertices(IReadOnlyList<(double Column, double Row)> shell, GridSpec grid) => FromPixelRings([shell], grid);

    private static double SignedArea(double[] x, double[] y)
    {
        var a = 0.0;
        for (var i = 0; i < x.Length - 1; i++) a += x[i] * y[i + 1] - x[i + 1] * y[i];
        return a / 2;
    }
}
