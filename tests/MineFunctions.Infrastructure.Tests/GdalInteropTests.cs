using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class GdalInteropTests
{
    [Fact]
    public void NonAsciiPathAndTagValues_RoundTripAsUtf8()
    {
        using var dir = new TempDir();
        var path = dir.File("mina-São-João-鉱山.tif");
        var grid = TestGrids.Utm33N(4, 3);
        GeoTiffWriter.WriteFloat32(path, TestGrids.Ramp(12), grid, new GeoTiffOptions { Metadata = new Dictionary<string, string> { ["SITE"] = "Carajás – 鉱山" } });
        using var raster = GdalRaster.Open(path);
        Assert.Equal("Carajás – 鉱山", raster.Info.Metadata["SITE"]);
        Assert.Equal(TestGrids.Ramp(12), raster.ReadFloat32());
    }

    [Fact]
    public void ErrorsAreThreadLocal_OneHandlePerThread_ConcurrentReadsAndFailuresDoNotInterfere()
    {
        var grid = TestGrids.Utm33N(128, 64);
        var pixels = TestGrids.Ramp(128 * 64);
        var good = GeoTiffWriter.WriteFloat32ToBytes(pixels, grid, new GeoTiffOptions { Codec = GeoTiffCodec.Deflate, BlockSize = 32 });
        var bad = good.AsSpan(0, good.Length / 3).ToArray();
        var failures = 0;
        var paths = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 2 == 0)
            {
                using var raster = GdalRaster.OpenBytes(good, $"good-{i}.tif");
                paths.Add(Path.GetFileName(raster.MemoryPath!));
                Assert.Equal(pixels, raster.ReadFloat32());
            }
            else
            {
                var ex = Record.Exception(() => { using var r = GdalRaster.OpenBytes(bad, $"bad-{i}.tif"); r.ReadFloat32(); });
                Assert.IsAssignableFrom<GdalException>(ex);
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(16, failures);
        // Other test classes run in parallel and hold their own /vsimem/ files: check only ours were unlinked.
        Assert.Empty(VsiMemFile.ListOpen().Intersect(paths));
    }

    [Fact]
    public void GdalMessage_IsCarriedInTheException()
    {
        var ex = Assert.Throws<GdalFormatException>(() => GdalRaster.OpenBytes("plain text, not an image"u8, "upload.tif"));
        Assert.Contains("not recognized as a supported file format", ex.Message);
        Assert.Contains("upload.tif", ex.Message);
    }

    [Fact]
    public void GridCrs_ResolvesEpsgBothWays()
    {
        Assert.Equal(32633, GridCrs.Epsg(GridCrs.Wkt(32633)));
        Assert.Equal(4326, GridCrs.Epsg("EPSG:4326"));
    }
}
