using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class GdalRasterRoundTripTests
{
    [Theory]
    [InlineData(GeoTiffCodec.None, false)]
    [InlineData(GeoTiffCodec.Deflate, false)]
    [InlineData(GeoTiffCodec.Zstd, false)]
    [InlineData(GeoTiffCodec.Lzw, false)]
    [InlineData(GeoTiffCodec.Lerc, false)]
    [InlineData(GeoTiffCodec.Zstd, true)]
    [InlineData(GeoTiffCodec.Deflate, true)]
    public void Float32_WrittenWithCodec_ReadsBackBitExact_WithGridNoDataAndTags(GeoTiffCodec codec, bool cog)
    {
        using var dir = new TempDir();
        var grid = TestGrids.Utm33N(300, 200);
        var pixels = TestGrids.Ramp(grid.Width * grid.Height);
        pixels[0] = float.NaN;
        pixels[^1] = float.NaN;
        var options = new GeoTiffOptions
        {
            Codec = codec, CloudOptimised = cog, FloatNoData = -9999,
            Metadata = new Dictionary<string, string> { ["FIRST_DATE"] = "2020-01-01", ["SECOND_DATE"] = "2020-01-13" },
        };
        var path = dir.File("f.tif");
        GeoTiffWriter.WriteFloat32(path, pixels, grid, options);

        using var raster = GdalRaster.Open(path);
        Assert.Equal("GTiff", raster.Info.Driver); // a COG is a GeoTIFF to readers
        Assert.Equal((300, 200, 1, RasterDataType.Float32), (raster.Info.Width, raster.Info.Height, raster.Info.BandCount, raster.Info.DataType));
        Assert.Equal(grid.GeoTransform, raster.Info.GeoTransform);
        Assert.Equal(32633, raster.Info.Epsg);
        Assert.Equal(-9999, raster.Info.NoData);
        Assert.Equal("2020-01-13", raster.Info.Metadata["SECOND_DATE"]);
        Assert.Equal(256, raster.Info.BlockWidth);
        var back = raster.ReadFloat32();
        Assert.Equal(pixels, back); // NaN equals NaN under float.Equals: nodata went out as -9999 and came back as NaN
    }

    [Theory]
    [InlineData(true, "COG")]
    [InlineData(false, null)]
    public void CloudOptimised_ProducesTheCogLayout_PlainGeoTiffDoesNot(bool cog, string? layout)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        var grid = TestGrids.Utm33N(600, 500);
        GeoTiffWriter.WriteFloat32(file.Path, TestGrids.Ramp(600 * 500), grid, new GeoTiffOptions { CloudOptimised = cog });
        using var ds = GdalDataset.Open(file.Path);
        var structure = ds.Metadata("IMAGE_STRUCTURE");
        Assert.Equal(layout, structure.GetValueOrDefault("LAYOUT"));
        Assert.Equal("ZSTD", structure["COMPRESSION"]);
        Assert.Equal("3", structure["PREDICTOR"]); // floating-point predictor for Float32
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FailedWrite_LeavesNoFileBehind(bool cog)
    {
        using var dir = new TempDir();
        var path = dir.File("classes.tif");
        var grid = TestGrids.Utm33N(8, 8);
        Assert.Throws<ArgumentException>(() => GeoTiffWriter.WriteByte(path, [new byte[64]], grid, new GeoTiffOptions { Codec = GeoTiffCodec.Lerc, CloudOptimised = cog }));
        Assert.False(File.Exists(path));
        Assert.ThrowsAny<GdalException>(() => GeoTiffWriter.WriteFloat32(dir.File("missing/dir/x.tif"), new float[64], grid));
    }

    [Fact]
    public void Float32_WithNaNNoData_WritesNaNAsTheFilesNoData()
    {
        var grid = TestGrids.Utm33N(20, 10);
        var pixels = TestGrids.Ramp(200);
        pixels[5] = float.NaN;
        var bytes = GeoTiffWriter.WriteFloat32ToBytes(pixels, grid);
        using var raster = GdalRaster.OpenBytes(bytes);
        Assert.True(raster.Info.NoData is { } nd && double.IsNaN(nd));
        Assert.Equal(pixels, raster.ReadFloat32());
    }

    [Fact]
    public void Float32Bands_RoundTrip_EachBandBitExact_WithNaNNoDataInEach()
    {
        var grid = TestGrids.Utm33N(70, 50);
        var mean = TestGrids.Ramp(grid.Width * grid.Height);
        var pairs = mean.Select((_, i) => (float)(i % 7)).ToArray();
        var disturbed = mean.Select((_, i) => (float)(i % 3)).ToArray();
        (mean[5], pairs[6], disturbed[7]) = (float.NaN, float.NaN, float.NaN);

        using var raster = GdalRaster.OpenBytes(GeoTiffWriter.WriteFloat32BandsToBytes([mean, pairs, disturbed], grid));

        Assert.Equal((70, 50, 3, RasterDataType.Float32), (raster.Info.Width, raster.Info.Height, raster.Info.BandCount, raster.Info.DataType));
        Assert.Equal(grid.GeoTransform, raster.Info.GeoTransform);
        Assert.Equal(32633, raster.Info.Epsg);
        Assert.Equal(mean, raster.ReadFloat32(1));
        Assert.Equal(pairs, raster.ReadFloat32(2));
        Assert.Equal(disturbed, raster.ReadFloat32(3));
        Assert.Throws<ArgumentException>(() => GeoTiffWriter.WriteFloat32BandsToBytes([mean, pairs[1..]], grid));
        Assert.Throws<ArgumentException>(() => GeoTiffWriter.WriteFloat32BandsToBytes([], grid));
    }

    [Fact]
    public void Writer_DoesNotModifyTheCallersArray_WhenReplacingNaN()
    {
        var grid = TestGrids.Utm33N(10, 10);
        var pixels = TestGrids.Ramp(100);
        pixels[3] = float.NaN;
        GeoTiffWriter.WriteFloat32ToBytes(pixels, grid, new GeoTiffOptions { FloatNoData = 0 });
        Assert.True(float.IsNaN(pixels[3]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ByteRgb_ThreeBands_RoundTrip_WithNoDataAndRgbColourInterpretation(bool cog)
    {
        var grid = TestGrids.Utm33N(64, 48);
        var rnd = new Random(7);
        var bands = Enumerable.Range(0, 3).Select(_ => { var b = new byte[grid.Width * grid.Height]; rnd.NextBytes(b); return b; }).ToArray();
        var bytes = GeoTiffWriter.WriteByteToBytes(bands, grid, new GeoTiffOptions { ByteNoData = 255, CloudOptimised = cog });
        using var raster = GdalRaster.OpenBytes(bytes);
        Assert.Equal(3, raster.Info.BandCount);
        Assert.Equal(RasterDataType.Byte, raster.Info.DataType);
        Assert.Equal(255, raster.Info.NoData);
        for (var b = 0; b < 3; b++)
        {
            var back = raster.ReadFloat32(b + 1);
            for (var i = 0; i < back.Length; i++)
                Assert.Equal(bands[b][i] == 255 ? float.NaN : bands[b][i], back[i]);
        }
    }

    [Fact]
    public void Complex64_RoundTrip_KeepsBothParts_AndNaNSamplesBecomeNoData()
    {
        var grid = TestGrids.Utm33N(33, 17);
        var v = new float[2 * grid.Width * grid.Height];
        for (var i = 0; i < v.Length; i++) v[i] = (i % 7) - 3.25f + i * 1e-3f;
        v[10] = float.NaN; // re of pixel 5 → whole pixel is nodata
        var bytes = WriteComplex(v, grid, new GeoTiffOptions { FloatNoData = -1e30 });
        using var raster = GdalRaster.OpenBytes(bytes);
        Assert.Equal(RasterDataType.CFloat32, raster.Info.DataType);
        var back = raster.ReadComplex64();
        var expected = (float[])v.Clone();
        expected[11] = float.NaN;
        Assert.Equal(expected, back);
        Assert.Throws<InvalidOperationException>(() => raster.ReadFloat32());
    }

    [Fact]
    public void CInt16Source_ReadsAsComplex64_ExactIntegers()
    {
        using var file = VsiMemFile.ForWriting(".tif");
        var grid = TestGrids.Utm33N(9, 5);
        var raw = new short[2 * 45];
        for (var i = 0; i < raw.Length; i++) raw[i] = (short)(i * 37 - 800);
        using (var ds = GdalDataset.Create("GTiff", file.Path, 9, 5, 1, RasterDataType.CInt16))
        {
            ds.SetGrid(grid);
            ds.Write<short>(1, RasterWindow.Whole(9, 5), RasterDataType.CInt16, raw);
            ds.Close("test");
        }
        using var raster = GdalRaster.Open(file.Path);
        Assert.Equal(RasterDataType.CInt16, raster.Info.DataType);
        Assert.Equal(raw.Select(s => (float)s).ToArray(), raster.ReadComplex64());
    }

    [Theory]
    [InlineData(RasterDataType.Int16)]
    [InlineData(RasterDataType.Byte)]
    [InlineData(RasterDataType.Float32)]
    public void RealSources_ReadAsFloat32AndAsComplex64WithZeroImaginary_NoDataBecomesNaN(RasterDataType type)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        const int w = 7, h = 6;
        var values = Enumerable.Range(0, w * h).Select(i => (double)(type == RasterDataType.Int16 ? i * 100 - 2000 : i * 5)).ToArray();
        using (var ds = GdalDataset.Create("GTiff", file.Path, w, h, 1, type))
        {
            ds.Write<double>(1, RasterWindow.Whole(w, h), RasterDataType.Float64, values);
            ds.SetNoData(1, values[4]);
            ds.Close("test");
        }
        using var raster = GdalRaster.Open(file.Path);
        Assert.Equal(type, raster.Info.DataType);
        var expected = values.Select((x, i) => i == 4 ? float.NaN : (float)x).ToArray();
        Assert.Equal(expected, raster.ReadFloat32());
        var complex = raster.ReadComplex64();
        Assert.Equal(expected, complex.Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(expected.Select(x => float.IsNaN(x) ? float.NaN : 0f).ToArray(), complex.Where((_, i) => i % 2 == 1).ToArray());
    }

    [Theory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(299, 199, 1, 1)]
    [InlineData(290, 0, 10, 200)]
    [InlineData(0, 190, 300, 10)]
    [InlineData(250, 150, 50, 50)]
    public void Window_AtEdges_ReturnsExactlyThoseRowsAndColumns(int x, int y, int width, int height)
    {
        var grid = TestGrids.Utm33N(300, 200);
        var pixels = TestGrids.Ramp(grid.Width * grid.Height, 1);
        using var raster = GdalRaster.OpenBytes(GeoTiffWriter.WriteFloat32ToBytes(pixels, grid));
        var window = raster.ReadFloat32(1, new RasterWindow(x, y, width, height));
        Assert.Equal(width * height, window.Length);
        for (var r = 0; r < height; r++)
            for (var c = 0; c < width; c++)
                Assert.Equal(pixels[(y + r) * 300 + x + c], window[r * width + c]);
    }

    [Theory]
    [InlineData(291, 0, 10, 1)]
    [InlineData(0, 195, 1, 6)]
    [InlineData(-1, 0, 1, 1)]
    [InlineData(0, 0, 0, 1)]
    public void Window_OutsideTheRaster_IsRejected_NotCropped(int x, int y, int width, int height)
    {
        var grid = TestGrids.Utm33N(300, 200);
        using var raster = GdalRaster.OpenBytes(GeoTiffWriter.WriteFloat32ToBytes(new float[grid.Width * grid.Height], grid));
        Assert.Throws<ArgumentOutOfRangeException>(() => raster.ReadFloat32(1, new RasterWindow(x, y, width, height)));
    }

    [Fact]
    public async Task OpenStreamAsync_ReadsFromAStream_AndLeavesNoVsimemFileBehind()
    {
        var grid = TestGrids.Utm33N(16, 16);
        var pixels = TestGrids.Ramp(256);
        var bytes = GeoTiffWriter.WriteFloat32ToBytes(pixels, grid);
        string source, memoryName;
        using (var raster = await GdalRaster.OpenStreamAsync(new MemoryStream(bytes), "blob.tif"))
        {
            Assert.Equal(pixels, raster.ReadFloat32());
            source = raster.Source;
            memoryName = Path.GetFileName(raster.MemoryPath!);
            Assert.Contains(memoryName, VsiMemFile.ListOpen());
        }
        Assert.Equal("blob.tif", source);
        // After dispose the /vsimem/ file is unlinked (GDAL frees the buffer).
        Assert.DoesNotContain(memoryName, VsiMemFile.ListOpen());
    }

    private static byte[] WriteComplex(float[] v, GridSpec grid, GeoTiffOptions options)
    {
        using var file = VsiMemFile.ForWriting(".tif");
        GeoTiffWriter.WriteComplex64(file.Path, v, grid, options);
        return file.TakeBytes();
    }
}
