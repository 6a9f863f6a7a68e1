using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>Small grids and a per-test temp directory (deleted on dispose).</summary>
internal static class TestGrids
{
    /// <summary>A UTM 33N grid with 10 m pixels, origin in the Alps-to-Adriatic zone.</summary>
    public static GridSpec Utm33N(int width, int height, double pixel = 10) =>
        GridSpec.NorthUp(width, height, 500_000, 5_000_000, pixel, pixel, SpatialReference.WktOfEpsg(32633));

    public static GridSpec Wgs84(int width, int height, double left, double top, double pixelDegrees) =>
        GridSpec.NorthUp(width, height, left, top, pixelDegrees, pixelDegrees, SpatialReference.WktOfEpsg(4326));

    public static float[] Ramp(int count, float scale = 0.001f)
    {
        var v = new float[count];
        for (var i = 0; i < v.Length; i++) v[i] = i * scale;
        return v;
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "minefunctions-gdal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
