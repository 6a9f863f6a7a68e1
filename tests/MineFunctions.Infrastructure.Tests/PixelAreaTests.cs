using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class PixelAreaTests
{
    [Fact]
    public void UtmGrid_AreaIsPixelWidthTimesHeight()
    {
        var areas = PixelArea.ForGrid(TestGrids.Utm33N(5, 3, pixel: 20));
        Assert.Equal(PixelAreaMethod.ProjectedGeotransform, areas.Method);
        Assert.All(areas.SquareMetresPerRow, a => Assert.Equal(400, a, 9));
    }

    [Fact]
    public void FeetBasedCrs_IsConvertedToSquareMetres()
    {
        // EPSG:2263 (NY Long Island, US survey feet): 10 ft × 10 ft = 100 ftUS² = 9.2903 m².
        var grid = GridSpec.NorthUp(2, 2, 1_000_000, 200_000, 10, 10, SpatialReference.WktOfEpsg(2263));
        var ftUs = 1200.0 / 3937.0;
        Assert.Equal(100 * ftUs * ftUs, PixelArea.ForGrid(grid).SquareMetresPerRow[0], 9);
    }

    [Fact]
    public void RotatedProjectedGrid_UsesTheDeterminant()
    {
        var grid = new GridSpec(2, 2, [500_000, 8, 6, 5_000_000, 6, -8], SpatialReference.WktOfEpsg(32633));
        Assert.Equal(100, PixelArea.ForGrid(grid).SquareMetresPerRow[0], 9);
    }

    [Theory]
    [InlineData(19.4513, 0.0013888889)] // the PyRate Mexico City grid
    [InlineData(-27.76, 0.0002)]        // Sishen, ≈ 20 m
    [InlineData(0.05, 0.001)]
    [InlineData(69.9, 0.01)]
    public void Epsg4326Grid_RowAreas_MatchAnIndependentNumericalIntegration_Within0_1Percent(double top, double step)
    {
        var grid = TestGrids.Wgs84(10, 40, -99.19, top, step);
        var areas = PixelArea.ForGrid(grid);
        Assert.Equal(PixelAreaMethod.GeodesicPerRow, areas.Method);
        for (var r = 0; r < grid.Height; r += 13)
        {
            var expected = IntegrateWgs84Cell(top - r * step, top - (r + 1) * step, step);
            Assert.True(Math.Abs(areas.SquareMetresPerRow[r] / expected - 1) < 1e-3, $"row {r}: {areas.SquareMetresPerRow[r]} vs {expected}");
            // Much tighter in practice: the two computations agree to ~1e-9.
            Assert.Equal(1, areas.SquareMetresPerRow[r] / expected, 6);
        }
    }

    [Fact]
    public void SumOver_AddsEachRowsAreaForTheMaskedPixels()
    {
        var areas = new PixelAreas([1, 2], PixelAreaMethod.GeodesicPerRow);
        Assert.Equal(1 + 2 * 2, areas.SumOver([1, 0, 1, 1], 2, 1));
    }

    /// <summary>
    /// Independent check: A = Δλ ∫ M(φ)·N(φ)·cosφ dφ over the cell (meridional radius M, prime-vertical
    /// radius N of WGS84), integrated with composite Simpson on 200 intervals.
    /// </summary>
    private static double IntegrateWgs84Cell(double latTopDeg, double latBottomDeg, double lonStepDeg)
    {
        const double a = 6378137.0, f = 1 / 298.257223563;
        var e2 = f * (2 - f);
        double Integrand(double phi)
        {
            var w = 1 - e2 * Math.Sin(phi) * Math.Sin(phi);
            var m = a * (1 - e2) / Math.Pow(w, 1.5);
            var n = a / Math.Sqrt(w);
            return m * n * Math.Cos(phi);
        }
        var lo = latBottomDeg * Math.PI / 180;
        var hi = latTopDeg * Math.PI / 180;
        const int n = 200;
        var h = (hi - lo) / n;
        var sum = Integrand(lo) + Integrand(hi);
        for (var i = 1; i < n; i++) sum += Integrand(lo + i * h) * (i % 2 == 1 ? 4 : 2);
        return Math.Abs(sum * h / 3) * lonStepDeg * Math.PI / 180;
    }
}
