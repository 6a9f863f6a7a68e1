using System.Buffers.Binary;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class GdalCorruptInputTests
{
    [Fact]
    public void ZeroBytes_IsAFormatError()
    {
        Assert.Throws<GdalFormatException>(() => GdalRaster.OpenBytes([], "empty.tif"));
    }

    [Fact]
    public void WrongMagic_IsAFormatError_NamingTheInput()
    {
        var bytes = ValidTiff();
        bytes[0] = (byte)'X';
        bytes[1] = (byte)'Y';
        var ex = Assert.Throws<GdalFormatException>(() => GdalRaster.OpenBytes(bytes, "blob-name.tif"));
        Assert.Contains("blob-name.tif", ex.Message);
    }

    [Fact]
    public void TextFileNamedTif_OnDisk_IsAFormatError()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.tif");
        File.WriteAllText(path, "this is not a GeoTIFF\n");
        Assert.Throws<GdalFormatException>(() => GdalRaster.Open(path));
    }

    [Fact]
    public void MissingFile_IsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => GdalRaster.Open("/nonexistent/dir/x.tif"));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Truncated_FailsWithATypedError_AtOpenOrRead_NeverSilently(double fraction)
    {
        var full = ValidTiff();
        var cut = full.AsSpan(0, Math.Max(1, (int)(full.Length * fraction))).ToArray();
        var ex = Record.Exception(() =>
        {
            using var raster = GdalRaster.OpenBytes(cut, "cut.tif");
            raster.ReadFloat32();
        });
        Assert.IsAssignableFrom<GdalException>(ex);
    }

    [Fact]
    public void ForgedHeader_100000x100000_IsRejectedBeforeAnyLargeAllocation()
    {
        var forged = ForgedFloat32Tiff(100_000, 100_000);
        using var raster = GdalRaster.OpenBytes(forged, "forged.tif");
        Assert.Equal((100_000, 100_000), (raster.Info.Width, raster.Info.Height));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<RasterTooLargeException>(() => raster.ReadFloat32());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes before rejecting");
        Assert.Contains("memory budget", ex.Message);
        Assert.Throws<RasterTooLargeException>(() => raster.ReadComplex64());
        // A window is checked the same way: 100,000 × 10,000 Float32 = 4 GB is over the 1 GiB default.
        Assert.Throws<RasterTooLargeException>(() => raster.ReadFloat32(1, new RasterWindow(0, 0, 100_000, 10_000)));
    }

    [Fact]
    public void Budget_IsConfigurable()
    {
        var grid = TestGrids.Utm33N(100, 100);
        var bytes = GeoTiffWriter.WriteFloat32ToBytes(new float[10_000], grid);
        using var raster = GdalRaster.OpenBytes(bytes, options: new RasterReadOptions { MaxBufferBytes = 39_999 });
        Assert.Throws<RasterTooLargeException>(() => raster.ReadFloat32());
        Assert.Equal(100, raster.ReadFloat32(1, new RasterWindow(0, 0, 100, 1)).Length);
    }

    private static byte[] ValidTiff()
    {
        var grid = TestGrids.Utm33N(200, 150);
        return GeoTiffWriter.WriteFloat32ToBytes(TestGrids.Ramp(200 * 150), grid, new GeoTiffOptions { Codec = GeoTiffCodec.Deflate, BlockSize = 64 });
    }

    /// <summary>
    /// A hand-made little-endian TIFF whose header declares width × height Float32 pixels in one
    /// uncompressed strip, while the file holds 16 bytes of data: what a malicious upload looks like.
    /// </summary>
    internal static byte[] ForgedFloat32Tiff(uint width, uint height)
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, width), (257, 4, height), (258, 3, 32), (259, 3, 1), (262, 3, 1), (273, 4, 0),
            (277, 3, 1), (278, 4, height), (279, 4, 16), (339, 3, 3),
        ];
        const int ifdOffset = 8;
        var dataOffset = ifdOffset + 2 + 12 * entries.Length + 4;
        var bytes = new byte[dataOffset + 16];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), ifdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(ifdOffset), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = bytes.AsSpan(ifdOffset + 2 + 12 * i);
            var (tag, type, value) = entries[i];
            BinaryPrimitives.WriteUInt16LittleEndian(e, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(e[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 1);
            var v = tag == 273 ? (uint)dataOffset : value;
            if (type == 3) BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)v);
            else BinaryPrimitives.WriteUInt32LittleEndian(e[8..], v);
        }
        return bytes;
    }
}
