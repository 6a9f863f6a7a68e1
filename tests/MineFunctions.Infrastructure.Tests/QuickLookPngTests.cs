using MineFunctions.Core.Contracts;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class QuickLookPngTests
{
    private const int W = 6, H = 4;

    // Row-major 6 × 4 classes: a column of excluded pixels (255) on the left, every class present once or more.
    private static readonly byte[] Classes =
    [
        255, 0, 1, 2, 3, 4,
        255, 5, 6, 7, 1, 1,
        255, 255, 2, 2, 7, 0,
        255, 3, 3, 255, 4, 4,
    ];

    [Fact]
    public void Composite_DecodesToTheSameSizeColoursAndAlpha()
    {
        var red = Enumerable.Range(0, W * H).Select(i => (byte)(i * 10)).ToArray();
        var green = Enumerable.Range(0, W * H).Select(i => (byte)(255 - i)).ToArray();
        var blue = Enumerable.Range(0, W * H).Select(i => (byte)(i % 3 * 100)).ToArray();
        var png = QuickLookPng.Composite(W, H, red, green, blue, Classes);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var (r, g, b, a) = Decode(png);
        Assert.Equal(red, r);
        Assert.Equal(green, g);
        Assert.Equal(blue, b);
        Assert.Equal(Classes.Select(c => c == 255 ? (byte)0 : (byte)255).ToArray(), a);
    }

    [Theory]
    [InlineData(ColourClass.Black)]
    [InlineData(ColourClass.Red)]
    [InlineData(ColourClass.Green)]
    [InlineData(ColourClass.Yellow)]
    [InlineData(ColourClass.Blue)]
    [InlineData(ColourClass.Magenta)]
    [InlineData(ColourClass.Cyan)]
    [InlineData(ColourClass.White)]
    public void ClassImage_PaintsItsClassInItsColour_OtherPolygonPixelsGrey_OutsideTransparent(ColourClass colour)
    {
        var (r, g, b, a) = Decode(QuickLookPng.Class(W, H, Classes, colour));
        var expectedColour = colour switch
        {
            ColourClass.Black => (0, 0, 0),
            ColourClass.Red => (255, 0, 0),
            ColourClass.Green => (0, 255, 0),
            ColourClass.Yellow => (255, 255, 0),
            ColourClass.Blue => (0, 0, 255),
            ColourClass.Magenta => (255, 0, 255),
            ColourClass.Cyan => (0, 255, 255),
            _ => (255, 255, 255),
        };
        for (var i = 0; i < W * H; i++)
        {
            if (Classes[i] == 255) { Assert.Equal(0, a[i]); continue; }
            Assert.Equal(255, a[i]);
            var expected = Classes[i] == (byte)colour ? expectedColour : (128, 128, 128);
            Assert.Equal(expected, (r[i], g[i], b[i]));
        }
    }

    [Fact]
    public void WriteAll_WritesCompositeEightClassesLegendAndMarkdown()
    {
        using var dir = new TempDir();
        var zeros = new byte[W * H];
        var files = QuickLookPng.WriteAll(dir.Path, W, H, zeros, zeros, zeros, Classes);
        Assert.Equal(11, files.Count);
        Assert.Contains(files, f => f.EndsWith("class-magenta.png", StringComparison.Ordinal));
        var legend = File.ReadAllText(files.Single(f => f.EndsWith("LEGEND.md", StringComparison.Ordinal)));
        Assert.Contains("| yellow | 255,255,0 | year 1, year 2 |", legend);
        Assert.Contains("| black | 0,0,0 | no year (inactive) |", legend);
        using var png = GdalRaster.Open(files.Single(f => f.EndsWith("legend.png", StringComparison.Ordinal)));
        Assert.Equal((8 * 28 - 4, 24, 4), (png.Info.Width, png.Info.Height, png.Info.BandCount));
    }

    [Fact]
    public void UnknownClassValue_IsRejected()
    {
        var bad = (byte[])Classes.Clone();
        bad[5] = 8;
        Assert.Throws<ArgumentException>(() => QuickLookPng.Class(W, H, bad, ColourClass.Red));
    }

    private static (byte[] R, byte[] G, byte[] B, byte[] A) Decode(byte[] png)
    {
        using var raster = GdalRaster.OpenBytes(png, "q.png");
        Assert.Equal("PNG", raster.Info.Driver);
        Assert.Equal((W, H, 4), (raster.Info.Width, raster.Info.Height, raster.Info.BandCount));
        byte[] Band(int i) => raster.ReadFloat32(i).Select(v => (byte)v).ToArray();
        return (Band(1), Band(2), Band(3), Band(4));
    }
}
