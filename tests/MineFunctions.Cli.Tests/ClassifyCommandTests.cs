using MineFunctions.Core.Contracts;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Tests;

/// <summary>
/// `mine classify` on composites whose pixels' HSV were chosen by hand, so each pixel's class is known
/// (METHOD.md §1.5: V = max/255, S = (max − min)/max, 60° hue sectors; per-channel High when ≥ T·255).
/// </summary>
public sealed class ClassifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-classify").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 4 × 3. Comments: V, S, hue → class with V_min = S_min = 0.5 (the defaults).
    private static readonly (byte R, byte G, byte B)[] Pixels =
    [
        (255, 0, 0),     // 0  V 1, S 1, H 0 → red
        (200, 200, 0),   // 1  H 60 → yellow
        (0, 180, 0),     // 2  V 0.71, H 120 → green
        (0, 200, 200),   // 3  H 180 → cyan
        (0, 0, 255),     // 4  H 240 → blue
        (200, 0, 200),   // 5  H 300 → magenta
        (220, 200, 210), // 6  V 0.86, S 20/220 = 0.09 → white
        (100, 0, 0),     // 7  V 0.39 < 0.5 → black
        (255, 140, 0),   // 8  H 60·140/255 = 32.9 → yellow
        (160, 80, 80),   // 9  V 0.63, S 80/160 = 0.5 (not < 0.5), H 0 → red
        (255, 100, 0),   // 10 H 23.5 → red, but outside the mask
        (120, 130, 125), // 11 V 0.51, S 10/130 = 0.08 → white
    ];

    private const int Width = 4, Height = 3;

    private string Png()
    {
        var path = Path.Combine(_dir, "composite-from-a-report.png");
        File.WriteAllBytes(path, QuickLookPng.Composite(Width, Height, Pixels.Select(p => p.R).ToArray(), Pixels.Select(p => p.G).ToArray(),
            Pixels.Select(p => p.B).ToArray(), new byte[Width * Height]));
        return path;
    }

    private string Mask()
    {
        var path = Path.Combine(_dir, "mask.tif");
        var inside = Enumerable.Repeat((byte)1, Width * Height).ToArray();
        inside[10] = 0;
        GeoTiffWriter.WriteByte(path, [inside], new GridSpec(Width, Height, [0, 1, 0, 0, 0, 1], ""));
        return path;
    }

    // Counts in CSV order: red, green, blue, cyan, magenta, yellow, white, black.
    [Theory]
    [InlineData(new string[0], new long[] { 2, 1, 1, 1, 1, 2, 2, 1 })]
    // V_min 0.6 makes pixel 11 (V 0.51) black; S_min 0.6 makes pixel 9 (S 0.5) white.
    [InlineData(new[] { "--value-min", "0.6", "--saturation-min", "0.6" }, new long[] { 1, 1, 1, 1, 1, 2, 2, 2 })]
    // Per-channel at 128: pixel 11 (120,130,125) is green only; pixel 6 stays white, 9 red, 7 black.
    [InlineData(new[] { "--rule", "threshold" }, new long[] { 2, 2, 1, 1, 1, 2, 1, 1 })]
    public async Task APngWithoutGeoreferencing_IsClassifiedInsideASameSizeMask(string[] options, long[] expected)
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, output, err) = await Mine.RunAsync(["classify", "--rgb", Png(), "--mask", Mask(), "--out", outDir, "--first-year", "2019", .. options]);
        Assert.True(code == 0, err);

        var names = ColourClassExtensions.CsvOrder.Select(c => c.CsvName()).ToArray();
        Assert.Equal(["red", "green", "blue", "cyan", "magenta", "yellow", "white", "black"], names);
        Assert.Equal(["class,pixels", .. names.Select((n, i) => $"{n},{expected[i]}")], File.ReadAllLines(Path.Combine(outDir, "counts.csv")));
        Assert.Equal(11, expected.Sum());
        // Y1 = R+Y+M+W, Y2 = G+Y+C+W, Y3 = B+C+M+W (METHOD.md §1.5).
        var (r, g, b, c, m, y, w) = (expected[0], expected[1], expected[2], expected[3], expected[4], expected[5], expected[6]);
        Assert.Equal(["year,channel,active_pixels", $"2019,red,{r + y + m + w}", $"2020,green,{g + y + c + w}", $"2021,blue,{b + c + m + w}"],
            File.ReadAllLines(Path.Combine(outDir, "active.csv")));
        foreach (var n in names) Assert.True(File.Exists(Path.Combine(outDir, $"class-{n}.png")), n);
        Assert.Contains("no CRS", output);

        using var classes = GdalRaster.Open(Path.Combine(outDir, "classes.tif"));
        Assert.True(float.IsNaN(classes.ReadFloat32()[10]), "the pixel outside the mask is excluded (255 = nodata)");
    }

    [Fact]
    public async Task AGeoreferencedGeoTiff_IsClassifiedInsideAPolygon_AndAPngWithAPolygonIsAClearError()
    {
        var grid = GridSpec.NorthUp(Width, Height, 500_000, 7_000_000, 20, -20, GridCrs.Wkt(32723));
        var tif = Path.Combine(_dir, "snap-rgb.tif");
        GeoTiffWriter.WriteByte(tif, [Pixels.Select(p => p.R).ToArray(), Pixels.Select(p => p.G).ToArray(), Pixels.Select(p => p.B).ToArray()], grid);
        var polygon = Path.Combine(_dir, "mine.geojson");
        await File.WriteAllTextAsync(polygon, PolygonGeoJson.FromPixelVertices([(0, 0), (2, 0), (2, 3), (0, 3)], grid));

        var outDir = Path.Combine(_dir, "out");
        var (code, output, err) = await Mine.RunAsync("classify", "--rgb", tif, "--aoi", polygon, "--out", outDir);
        Assert.True(code == 0, err);
        // The left two columns: pixels 0, 1, 4, 5, 8, 9 → red, yellow, blue, magenta, yellow, red.
        Assert.Equal(["class,pixels", "red,2", "green,0", "blue,1", "cyan,0", "magenta,1", "yellow,2", "white,0", "black,0"],
            File.ReadAllLines(Path.Combine(outDir, "counts.csv")));
        Assert.Contains("Rule hsv", output);

        var (pngCode, _, pngErr) = await Mine.RunAsync("classify", "--rgb", Png(), "--aoi", polygon, "--out", outDir);
        Assert.Equal(2, pngCode);
        Assert.Contains("no georeferencing", pngErr);
        Assert.Contains("--mask", pngErr);
    }

    [Theory]
    [InlineData("--rule", "adaptive", "decides on the annual NDAI means")]
    [InlineData("--rule", "hue", "is not 'adaptive', 'hsv' or 'threshold'")]
    [InlineData("--value-min", "1.5", "0-1 scale")]
    public async Task BadOptions_AreUsageErrors(string option, string value, string expected)
    {
        var (code, _, err) = await Mine.RunAsync("classify", "--rgb", Png(), "--mask", Mask(), "--out", _dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }
}
