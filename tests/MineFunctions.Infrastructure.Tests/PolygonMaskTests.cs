using System.IO.Compression;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class PolygonMaskTests
{
    // A UTM 33N grid 2 km × 1.5 km whose top-left corner is at 15.0000°E, 45.1535°N.
    private static GridSpec Grid => TestGrids.Utm33N(200, 150);

    // EPSG:4326 MultiPolygon: a shell with a hole, plus a second small polygon; edges cut pixels obliquely.
    private const string MultiPolygonWithHole = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"pit"},"geometry":
        {"type":"MultiPolygon","coordinates":[
          [[[15.0021,45.1521],[15.0182,45.1527],[15.0203,45.1431],[15.0049,45.1413],[15.0021,45.1521]],
           [[15.0080,45.1490],[15.0100,45.1440],[15.0130,45.1480],[15.0080,45.1490]]],
          [[[15.0221,45.1450],[15.0245,45.1452],[15.0240,45.1410],[15.0221,45.1450]]]]}}]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Epsg4326MultiPolygonWithHole_OnUtmGrid_EqualsGdalRasterize_PixelForPixel(bool allTouched)
    {
        using var dir = new TempDir();
        var vector = dir.File("pit.geojson");
        File.WriteAllText(vector, MultiPolygonWithHole);
        var ours = PolygonMask.Rasterize(vector, Grid, allTouched);

        var target = dir.File("target.tif");
        GeoTiffWriter.WriteByte(target, [new byte[Grid.Width * Grid.Height]], Grid, new GeoTiffOptions { Codec = GeoTiffCodec.None });
        var args = new List<string> { "-q", "-burn", "1" };
        if (allTouched) args.Add("-at");
        args.AddRange([vector, target]);
        ExternalTool.Run("gdal_rasterize", [.. args]);
        using var reference = GdalRaster.Open(target);
        var expected = reference.ReadFloat32().Select(v => (byte)v).ToArray();

        Assert.Equal(expected, ours);
        var inside = ours.Count(b => b == 1);
        Assert.InRange(inside, 5000, 25000); // the shell minus the hole is ≈ 1.6 km² of the 3 km² grid (100 m² pixels)
    }

    [Fact]
    public void BarePolygonGeometry_FeatureAndFeatureCollection_GiveTheSameMask()
    {
        const string ring = "[[[15.003,45.152],[15.02,45.152],[15.02,45.142],[15.003,45.142],[15.003,45.152]]]";
        var bare = PolygonMask.RasterizeGeoJson("{\"type\":\"Polygon\",\"coordinates\":" + ring + "}", Grid);
        var feature = PolygonMask.RasterizeGeoJson("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring + "}}", Grid);
        var collection = PolygonMask.RasterizeGeoJson("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring + "}}]}", Grid);
        Assert.Equal(bare, feature);
        Assert.Equal(bare, collection);
        Assert.True(bare.Count(b => b == 1) > 10_000);
    }

    [Fact]
    public void Shapefile_InUtm_PlainAndZipped_GivesTheSameMaskAsTheGeoJson()
    {
        using var dir = new TempDir();
        var geojson = dir.File("pit.geojson");
        File.WriteAllText(geojson, MultiPolygonWithHole);
        var shp = dir.File("pit.shp");
        // ogr2ogr reprojects to UTM 33N: the shapefile's .prj then carries another CRS than the GeoJSON.
        ExternalTool.Run("ogr2ogr", "-t_srs", "EPSG:32633", shp, geojson);
        var zip = dir.File("pit.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj" }) archive.CreateEntryFromFile(dir.File("pit" + ext), "pit" + ext);
        }
        var fromJson = PolygonMask.Rasterize(geojson, Grid);
        var fromShp = PolygonMask.Rasterize(shp, Grid);
        var fromZip = PolygonMask.Rasterize(zip, Grid);
        var fromZipBytes = PolygonMask.RasterizeContent(File.ReadAllBytes(zip), "upload.zip", Grid);
        // Reprojection of the vertices 4326 → UTM and back may move an edge by far less than a pixel: allow a handful of edge pixels.
        Assert.True(Differ(fromJson, fromShp) <= 5, $"{Differ(fromJson, fromShp)} pixels differ");
        Assert.Equal(fromShp, fromZip);
        Assert.Equal(fromShp, fromZipBytes);
    }

    [Fact]
    public void SelfIntersectingBowtie_IsRejectedAsInvalid()
    {
        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeGeoJson(
            """{"type":"Polygon","coordinates":[[[15.003,45.152],[15.02,45.142],[15.02,45.152],[15.003,45.142],[15.003,45.152]]]}""", Grid));
        Assert.Contains("invalid polygon", ex.Message);
    }

    [Fact]
    public void EmptyGeometry_IsRejected()
    {
        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeGeoJson(
            """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}""", Grid));
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void PolygonOutsideTheRaster_IsRejectedAsNoOverlap()
    {
        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeGeoJson(
            """{"type":"Polygon","coordinates":[[[16,46],[16.1,46],[16.1,45.9],[16,46]]]}""", Grid));
        Assert.Contains("does not overlap", ex.Message);
    }

    [Fact]
    public void PointGeometry_IsRejectedAsNotAPolygon()
    {
        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeGeoJson("""{"type":"Point","coordinates":[15.01,45.15]}""", Grid));
        Assert.Contains("not a Polygon", ex.Message);
    }

    [Fact]
    public void GarbageContent_IsRejectedWithAClearMessage()
    {
        var ex = Assert.Throws<PolygonMaskException>(() => PolygonMask.RasterizeContent("not json at all"u8, "mine.geojson", Grid));
        Assert.Contains("mine.geojson", ex.Message);
    }

    [Fact]
    public void PixelRectangle_WrittenAsGeoJson_RasterisesBackToExactlyThosePixels()
    {
        // Columns 40..119, rows 30..89 (corner convention): 80 × 60 pixels.
        var json = PolygonGeoJson.FromPixelVertices([(40, 30), (120, 30), (120, 90), (40, 90)], Grid);
        Assert.Contains("\"Polygon\"", json);
        var mask = PolygonMask.RasterizeGeoJson(json, Grid);
        for (var r = 0; r < Grid.Height; r++)
            for (var c = 0; c < Grid.Width; c++)
                Assert.Equal(c is >= 40 and < 120 && r is >= 30 and < 90 ? 1 : 0, mask[r * Grid.Width + c]);
    }

    [Fact]
    public void PixelRingWithHole_RoundTrips_AndWorldToPixelInvertsPixelToWorld()
    {
        var json = PolygonGeoJson.FromPixelRings([[(10, 10), (110, 10), (110, 110), (10, 110)], [(50, 50), (70, 50), (70, 70), (50, 70)]], Grid);
        var mask = PolygonMask.RasterizeGeoJson(json, Grid);
        Assert.Equal(100 * 100 - 20 * 20, mask.Count(b => b == 1));
        var (x, y) = Grid.PixelToWorld(12.5, 7.25);
        var (c, r) = Grid.WorldToPixel(x, y);
        Assert.Equal(12.5, c, 9);
        Assert.Equal(7.25, r, 9);
    }

    private static int Differ(byte[] a, byte[] b) => a.Zip(b).Count(p => p.First != p.Second);
}
