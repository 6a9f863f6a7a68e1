using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class GridCheckTests
{
    [Fact]
    public void SameGrid_WithWktWrittenDifferently_Passes()
    {
        var a = TestGrids.Utm33N(10, 10);
        // The same CRS as GDAL re-exports it after a file round trip.
        using var raster = GdalRaster.OpenBytes(GeoTiffWriter.WriteFloat32ToBytes(new float[100], a));
        GridCheck.EnsureSameGrid(a, "a", raster.Grid, "b");
        Assert.Empty(GridCheck.Differences(a, raster.Grid));
    }

    [Fact]
    public void DifferentSize_IsNamed()
    {
        var ex = Assert.Throws<GridMismatchException>(() => GridCheck.EnsureSameGrid(TestGrids.Utm33N(10, 10), "ref.tif", TestGrids.Utm33N(10, 11), "sec.tif"));
        Assert.Equal(["size 10×10 vs 10×11"], ex.Differences);
        Assert.Contains("sec.tif", ex.Message);
    }

    [Fact]
    public void ShiftedOrigin_AndOtherPixelSize_AreNamed()
    {
        var a = TestGrids.Utm33N(10, 10);
        var b = a with { GeoTransform = [500_005, 20, 0, 5_000_000, 0, -10] };
        var diffs = GridCheck.Differences(a, b);
        Assert.Equal(["geotransform origin x 500000 vs 500005", "geotransform pixel width 10 vs 20"], diffs);
    }

    [Fact]
    public void OriginDifferenceBelowTolerance_IsTheSameGrid()
    {
        var a = TestGrids.Utm33N(10, 10);
        var b = a with { GeoTransform = [500_000 + 1e-9, 10, 0, 5_000_000, 0, -10] };
        Assert.Empty(GridCheck.Differences(a, b));
    }

    [Fact]
    public void DifferentCrs_IsNamedWithEpsgCodes()
    {
        var a = TestGrids.Utm33N(10, 10);
        var b = a with { CrsWkt = SpatialReference.WktOfEpsg(32634) };
        Assert.Equal(["CRS EPSG:32633 vs EPSG:32634"], GridCheck.Differences(a, b));
    }

    [Fact]
    public void Stack_ReportsTheFirstMemberOffTheGrid()
    {
        var a = TestGrids.Utm33N(10, 10);
        var ex = Assert.Throws<GridMismatchException>(() => GridCheck.EnsureSameGrid([("p1", a), ("p2", a), ("p3", a with { CrsWkt = "" })]));
        Assert.Contains("'p3'", ex.Message);
        Assert.Contains("CRS EPSG:32633 vs (none)", ex.Message);
    }
}
