using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>
/// Tiles no larger than the raster: a whole tile is compressed, decompressed and run through the predictor on every
/// write and read, so a 64² raster in 256² tiles paid for 16 times its pixels. TIFF requires tile edges in multiples of 16.
/// </summary>
public sealed class GeoTiffTileSizeTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 32)]
    [InlineData(64, 64)]
    [InlineData(200, 208)]
    [InlineData(256, 256)]
    [InlineData(300, 256)]
    [InlineData(10_000, 256)]
    public void TileEdge_IsTheBlockSize_OrTheLeastMultipleOf16ThatHoldsASmallerRaster(int pixels, int edge) =>
        Assert.Equal(edge, GeoTiffOptions.Default.TileEdge(pixels));

    [Fact]
    public void TileEdge_NeverExceedsASmallerBlockSize() =>
        Assert.Equal(32, new GeoTiffOptions { BlockSize = 32 }.TileEdge(100));

    [Theory]
    [InlineData(64, 40, false, 64, 48)]
    [InlineData(300, 200, false, 256, 208)]
    [InlineData(20, 70, false, 32, 80)]
    [InlineData(64, 40, true, 64, 64)]
    public void Float32_SmallRaster_IsTiledToItsSize_AndReadsBackBitExact(int width, int height, bool cog, int blockWidth, int blockHeight)
    {
        using var dir = new TempDir();
        var grid = TestGrids.Utm33N(width, height);
        var pixels = TestGrids.Ramp(width * height);
        pixels[3] = float.NaN;
        var path = dir.File("small.tif");
        GeoTiffWriter.WriteFloat32(path, pixels, grid, new GeoTiffOptions { CloudOptimised = cog });

        using var raster = GdalRaster.Open(path);
        Assert.Equal((blockWidth, blockHeight), (raster.Info.BlockWidth, raster.Info.BlockHeight));
        Assert.Equal(pixels, raster.ReadFloat32());
    }

    [Fact]
    public void ThreeBands_OfASmallRaster_AreTiledToItsSize()
    {
        var grid = TestGrids.Utm33N(64, 64);
        var bands = Enumerable.Range(0, 3).Select(b => TestGrids.Ramp(64 * 64).Select(v => v + b).ToArray()).ToArray();
        var bytes = GeoTiffWriter.WriteFloat32BandsToBytes(bands, grid, GeoTiffOptions.Default);

        using var raster = GdalRaster.OpenBytes(bytes, "three.tif");
        Assert.Equal((64, 64, 3), (raster.Info.BlockWidth, raster.Info.BlockHeight, raster.Info.BandCount));
        for (var b = 0; b < 3; b++) Assert.Equal(bands[b], raster.ReadFloat32(b + 1));
    }
}
