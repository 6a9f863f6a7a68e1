using System.Diagnostics;
using System.Globalization;
using System.Text;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Files;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>The bounds of <see cref="InputLimits"/> where Infrastructure applies them: asset.json, local input files, polygons.</summary>
public sealed class InputBoundsTests
{
    private static string Manifest(string name, string commodity = "iron") =>
        $"{{\n  \"name\": \"{name}\",\n  \"commodity\": \"{commodity}\",\n  \"iso3\": \"BRA\",\n  \"lat\": -6.07,\n  \"lon\": -50.17\n}}";

    [Fact]
    public void AManifestNameAtTheBound_IsRead_OneMore_IsRefusedWithItsLine()
    {
        var atBound = new string('n', InputLimits.MaxNameChars);
        Assert.Equal(atBound, AssetManifest.Parse(Manifest(atBound), "sishen/asset.json").Name);

        var ex = Assert.Throws<InvalidDataException>(() => AssetManifest.Parse(Manifest(atBound + "n"), "sishen/asset.json"));
        Assert.Equal($"sishen/asset.json:2: \"name\" has {InputLimits.MaxNameChars + 1} characters, more than the limit of {InputLimits.MaxNameChars}.", ex.Message);
    }

    [Fact]
    public void AManifestName_WithALineBreak_IsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => AssetManifest.Parse(Manifest("a\\nb"), "m/asset.json"));
        Assert.Contains("m/asset.json:2: \"name\" holds a control character", ex.Message);
    }

    [Fact]
    public void AManifestWithCommodityGold_NamesTheAllowedCommodities()
    {
        var ex = Assert.Throws<InvalidDataException>(() => AssetManifest.Parse(Manifest("Gold mine", "gold"), "g/asset.json"));
        Assert.Equal("g/asset.json:3: \"commodity\" is 'gold'; allowed: iron, copper, bauxite.", ex.Message);
    }

    [Fact]
    public void AManifestAtTheSizeBound_IsRead_OneByteMore_IsRefused()
    {
        var json = Manifest("Carajas N4");
        var padded = json + new string(' ', (int)InputLimits.MaxManifestBytes - Encoding.UTF8.GetByteCount(json));
        Assert.Equal("Carajas N4", AssetManifest.Parse(padded, "c/asset.json").Name);

        var ex = Assert.Throws<InvalidDataException>(() => AssetManifest.Parse(padded + " ", "c/asset.json"));
        Assert.StartsWith("c/asset.json: 65,537 bytes, more than the limit of 64 KiB", ex.Message);
    }

    [Fact]
    public void ALocalInputFile_AtItsSizeBound_IsAccepted_OneByteMore_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("production.csv");
        using (var f = File.Create(path)) f.SetLength(InputLimits.MaxTextFileBytes); // sparse: no 16 MiB written
        InputFileRule.Check(path, InputLimits.MaxTextFileBytes);

        using (var f = File.OpenWrite(path)) f.SetLength(InputLimits.MaxTextFileBytes + 1);
        var ex = Assert.Throws<InvalidDataException>(() => InputFileRule.Check(path, InputLimits.MaxTextFileBytes));
        Assert.Equal($"{path}: 16,777,217 bytes, more than the limit of 16 MiB (16,777,216 bytes) for this input.", ex.Message);
    }

    [Fact]
    public void ALinkAFifoAndAFolder_AreRefused_ARegularFileIsNot()
    {
        using var dir = new TempDir();
        var regular = dir.File("production.csv");
        File.WriteAllText(regular, "asset_id,year,product,tonnes\n");
        Assert.Null(InputFileRule.Refusal(regular));

        var link = dir.File("linked.csv");
        File.CreateSymbolicLink(link, "/etc/passwd");
        Assert.Equal("a symbolic link (to /etc/passwd), not followed", InputFileRule.Refusal(link));
        var ex = Assert.Throws<InvalidDataException>(() => InputFileRule.Check(link, InputLimits.MaxTextFileBytes));
        Assert.Equal($"{link}: a symbolic link (to /etc/passwd), not followed; pass the file itself.", ex.Message);

        var fifo = dir.File("pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.Equal("a named pipe (FIFO), not a regular file", InputFileRule.Refusal(fifo));

        Assert.Equal("a character device, not a regular file", InputFileRule.Refusal("/dev/null"));
        Assert.Equal("a folder, not a file", InputFileRule.Refusal(dir.Path));
    }

    [Fact]
    public void APolygonOfTheMostVertices_IsRasterised_OneVertexMore_IsRefused()
    {
        var grid = TestGrids.Utm33N(200, 150);
        var mask = PolygonMask.RasterizeGeoJson(Circle(InputLimits.MaxPolygonVertices), grid);
        Assert.Contains((byte)1, mask);

        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeGeoJson(Circle(InputLimits.MaxPolygonVertices + 1), grid));
        Assert.Equal($"'polygon.geojson' has more than {InputLimits.MaxPolygonVertices} vertices (the limit of a mine polygon; feature 0 passes it).", ex.Message);
    }

    /// <summary>A ring of <paramref name="vertices"/> points, the closing point included, round a point inside the test grid.</summary>
    private static string Circle(int vertices)
    {
        var points = new StringBuilder();
        for (var i = 0; i < vertices - 1; i++)
        {
            var a = 2 * Math.PI * i / (vertices - 1);
            points.Append(CultureInfo.InvariantCulture, $"[{15.01 + 0.005 * Math.Cos(a):R},{45.147 + 0.004 * Math.Sin(a):R}],");
        }
        points.Append(CultureInfo.InvariantCulture, $"[{15.01 + 0.005:R},{45.147:R}]");
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + points + "]]}";
    }
}
