using System.Globalization;
using System.Text.Json;

namespace MineFunctions.Infrastructure.Acquisition;

/// <summary>
/// The search area of an asset: the longitude/latitude envelope of its polygon.geojson as a WKT
/// polygon. The envelope (not the polygon itself) keeps the query short whatever the polygon's
/// vertex count, and every scene that covers the polygon also intersects its envelope; the few
/// extra scenes only add pairs over the envelope's corners, which the pipeline masks anyway.
/// </summary>
public static class PolygonEnvelope
{
    public static string WktOf(string geoJson)
    {
        using var doc = JsonDocument.Parse(geoJson);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        void Visit(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number)
            {
                double x = e[0].GetDouble(), y = e[1].GetDouble();
                if (x is < -180 or > 180 || y is < -90 or > 90) throw new InvalidDataException($"Polygon coordinate ({x}, {y}) is not longitude/latitude in degrees (WGS84).");
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                return;
            }
            if (e.ValueKind == JsonValueKind.Array) foreach (var c in e.EnumerateArray()) Visit(c);
            else if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("coordinates", out var coords)) Visit(coords);
                if (e.TryGetProperty("geometry", out var g)) Visit(g);
                if (e.TryGetProperty("features", out var fs)) Visit(fs);
                if (e.TryGetProperty("geometries", out var gs)) Visit(gs);
            }
        }
        Visit(doc.RootElement);
        if (double.IsInfinity(minX)) throw new InvalidDataException("The polygon GeoJSON has no coordinates.");
        if (minX == maxX || minY == maxY) throw new InvalidDataException("The polygon GeoJSON has no area.");
        string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        return $"POLYGON(({F(minX)} {F(minY)},{F(maxX)} {F(minY)},{F(maxX)} {F(maxY)},{F(minX)} {F(maxY)},{F(minX)} {F(minY)}))";
    }
}
