using MineFunctions.Core.Pairs;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>
/// SNAP BEAM-DIMAP coherence products built in the layout SNAP saves (big-endian ENVI bands in
/// <c>.data/</c>, <see cref="SnapDimapWriter"/>) read back exactly; the real SNAP header (which names
/// band files that were never published) where it lies.
/// </summary>
public sealed class DimapRasterTests : IDisposable
{
    private const string Band = "coh_IW2_VV_09Aug2019_02Sep2019";
    private static readonly DateOnly Reference = new(2019, 8, 9);
    private static readonly DateOnly Secondary = new(2019, 9, 2);
    private readonly string _dir = Directory.CreateTempSubdirectory("dimap").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 4 × 3 with nodata (0) at two pixels; every other value exact in Float32.
    private static readonly float[] Values = [0.125f, 0.25f, 0f, 0.5f, 0.625f, 0.75f, 0.875f, 1f, 0f, 0.0625f, 0.3125f, 0.9375f];

    [Fact]
    public void ACoherenceBand_ReadsBackExactly_WithTheDimsNoDataAndGeoreferencing()
    {
        var gt = new[] { 500_000.0, 20, 0, 7_000_000, 0, -20 };
        var dim = SnapDimapWriter.Write(_dir, "20190809_20190902_coh_tc", 4, 3,
            [new DimapTestBand("Intensity_IW2_VV_09Aug2019", Values.Select(v => v * 100).ToArray()), new DimapTestBand(Band, Values)],
            gt, GridCrs.Wkt(32633), Reference, Secondary, bperp: 66.98);

        var (raster, header, band) = DimapRaster.OpenFile(dim);
        using (raster)
        {
            Assert.Equal(Band, band.Name);
            Assert.Equal("ENVI", raster.Info.Driver);
            Assert.Equal((4, 3), (raster.Info.Width, raster.Info.Height));
            Assert.Equal(gt, raster.Info.GeoTransform);
            Assert.Equal(32633, raster.Info.Epsg);
            Assert.Equal(0.0, raster.Info.NoData);
            var pixels = raster.ReadFloat32();
            for (var i = 0; i < Values.Length; i++)
            {
                if (Values[i] == 0) Assert.True(float.IsNaN(pixels[i]), $"pixel {i} is nodata");
                else Assert.Equal(Values[i], pixels[i]);
            }
        }
        Assert.Equal(66.98, header.ProductInfo(header.PairDates(band, out _)!.Value, "x.dim").BaselineM);

        // The same band opened by its .img, as `mine info` takes it.
        var (byImage, _, _) = DimapRaster.OpenFile(Path.Combine(_dir, "20190809_20190902_coh_tc.data", Band + ".img"));
        using (byImage) Assert.Equal(0.125f, byImage.ReadFloat32()[0]);
    }

    [Fact]
    public void WithoutGeopositionInTheDim_TheEnviMapInfoIsKept_AndWithNeither_ThereIsNoCrs()
    {
        var dim = SnapDimapWriter.Write(_dir, "mapinfo", 4, 3, [new DimapTestBand(Band, Values)], null, null, Reference, Secondary, null,
            enviMapInfo: "UTM, 1.0, 1.0, 300000.0, 6000000.0, 40.0, 40.0, 33, North, WGS-84, units=Meters");
        var (raster, _, _) = DimapRaster.OpenFile(dim);
        using (raster)
        {
            Assert.Equal([300_000.0, 40, 0, 6_000_000, 0, -40], raster.Info.GeoTransform);
            Assert.Equal(32633, raster.Info.Epsg);
        }

        var radar = SnapDimapWriter.Write(_dir, "radar", 4, 3, [new DimapTestBand(Band, Values)], null, null, Reference, Secondary, null);
        var (slant, _, _) = DimapRaster.OpenFile(radar);
        using (slant) Assert.Equal("", slant.Info.CrsWkt);
    }

    [Fact]
    public void AProductWithTwoCoherenceBands_AsksForOne_AndAMissingBandFileIsNamed()
    {
        var dim = SnapDimapWriter.Write(_dir, "stack", 4, 3,
            [new DimapTestBand(Band, Values), new DimapTestBand("coh_IW2_VV_02Sep2019_14Sep2019", Values)], null, null, Reference, Secondary, null);
        var many = Assert.Throws<InvalidDataException>(() => DimapRaster.OpenFile(dim));
        Assert.Contains("2 coherence (coh_*) bands", many.Message);
        var (second, _, band) = DimapRaster.OpenFile(Path.Combine(_dir, "stack.data", "coh_IW2_VV_02Sep2019_14Sep2019.img"));
        using (second) Assert.Equal("coh_IW2_VV_02Sep2019_14Sep2019", band.Name);

        File.Delete(Path.Combine(_dir, "stack.data", Band + ".hdr"));
        var missing = Assert.Throws<FileNotFoundException>(() => DimapRaster.OpenFile(dim, Band));
        Assert.Contains(Band + ".hdr", missing.Message);
    }

    [SharedDataFact("data", "real", "snap-dimap-coherence-header")]
    public void TheRealHeader_WithABandBuiltToItsSize_GivesTheHeadersGridAndNoData_AndAloneSaysWhatIsMissing()
    {
        var dim = SharedData.Real("snap-dimap-coherence-header", "S1_IW_SLC_coherance.dim");
        // The real header's band files were never published: opening it names the missing file.
        var missing = Assert.Throws<FileNotFoundException>(() => DimapRaster.OpenFile(dim));
        Assert.Contains(Band + ".img", missing.Message);

        var header = DimapHeader.Parse(File.ReadAllBytes(dim), Path.GetFileName(dim));
        const int width = 2522, height = 1125;
        var pixels = new float[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = i % 97 == 0 ? 0f : (i % 1000) / 1000f;
        SnapDimapWriter.Write(_dir, "built", width, height, [new DimapTestBand(Band, pixels)], null, null, Reference, Secondary, null);
        var data = Path.Combine(_dir, "built.data");
        using var raster = DimapRaster.OpenBand(header, Band, File.ReadAllBytes(Path.Combine(data, Band + ".img")),
            File.ReadAllBytes(Path.Combine(data, Band + ".hdr")), Band + ".img");
        Assert.Equal([-22.91156922722675, 3.7729241933019903E-4, 0.0, 64.18033841718417, 0.0, -3.7729241933019903E-4], raster.Info.GeoTransform);
        Assert.Contains("WGS84", raster.Info.CrsWkt);
        var read = raster.ReadFloat32();
        foreach (var i in new[] { 0, 1, 96, 97, 98, 999, 1001, pixels.Length - 1 })
        {
            if (pixels[i] == 0) Assert.True(float.IsNaN(read[i]), $"pixel {i} is nodata");
            else Assert.Equal(pixels[i], read[i]);
        }
    }
}
