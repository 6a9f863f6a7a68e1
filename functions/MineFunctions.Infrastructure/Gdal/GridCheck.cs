using System.Globalization;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Checks that the members of a pair, or all rasters of an asset stack, share size, geotransform
/// and CRS (METHOD.md §1.2: inputs are coregistered on one grid). A mismatch is an error naming what
/// differs; nothing is cropped or resampled to make rasters fit.
/// </summary>
public static class GridCheck
{
    /// <summary>
    /// Geotransform terms may differ by this fraction of the pixel size (writers round the origin
    /// differently in the last bits); anything larger is a different grid.
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>Lists the differences between two grids (empty when they match).</summary>
    public static IReadOnlyList<string> Differences(GridSpec expected, GridSpec actual)
    {
        var diffs = new List<string>();
        if (expected.Width != actual.Width || expected.Height != actual.Height)
            diffs.Add($"size {expected.Width}×{expected.Height} vs {actual.Width}×{actual.Height}");
        var pixel = Math.Max(Math.Max(Math.Abs(expected.GeoTransform[1]), Math.Abs(expected.GeoTransform[5])), double.Epsilon);
        string[] names = ["origin x", "pixel width", "row rotation", "origin y", "column rotation", "pixel height"];
        for (var i = 0; i < 6; i++)
        {
            var a = expected.GeoTransform[i];
            var b = actual.GeoTransform[i];
            if (Math.Abs(a - b) > RelativeTolerance * pixel)
                diffs.Add($"geotransform {names[i]} {a.ToString("R", CultureInfo.InvariantCulture)} vs {b.ToString("R", CultureInfo.InvariantCulture)}");
        }
        if (!SameCrs(expected.CrsWkt, actual.CrsWkt))
            diffs.Add($"CRS {Describe(expected.CrsWkt)} vs {Describe(actual.CrsWkt)}");
        return diffs;
    }

    /// <summary>Throws <see cref="GridMismatchException"/> when the two grids differ.</summary>
    public static void EnsureSameGrid(GridSpec expected, string expectedName, GridSpec actual, string actualName)
    {
        var diffs = Differences(expected, actual);
        if (diffs.Count > 0)
            throw new GridMismatchException(
                $"'{actualName}' is not on the grid of '{expectedName}': {string.Join("; ", diffs)}. Rasters must be coregistered on one grid; nothing is cropped or resampled.",
                diffs);
    }

    /// <summary>Checks every raster of a stack against the first.</summary>
    public static void EnsureSameGrid(IReadOnlyList<(string Name, GridSpec Grid)> stack)
    {
        for (var i = 1; i < stack.Count; i++) EnsureSameGrid(stack[0].Grid, stack[0].Name, stack[i].Grid, stack[i].Name);
    }

    private static bool SameCrs(string a, string b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return string.IsNullOrWhiteSpace(a) == string.IsNullOrWhiteSpace(b);
        if (a == b) return true;
        using var sa = SpatialReference.Parse(a);
        using var sb = SpatialReference.Parse(b);
        return sa.IsSame(sb);
    }

    private static string Describe(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return "(none)";
        using var srs = SpatialReference.Parse(wkt);
        return srs.TryGetEpsg() is { } code ? $"EPSG:{code}" : wkt.Length > 60 ? wkt[..60] + "…" : wkt;
    }
}
