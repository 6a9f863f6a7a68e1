using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

/// <summary>
/// The BEAM-DIMAP header parser on the real SNAP 8.0.3 coherence header (shared/data/real/snap-dimap-coherence-header,
/// read where it lies); expected values read off that XML by eye, and on headers built in its layout.
/// </summary>
public sealed class DimapHeaderTests
{
    private const string Folder = "snap-dimap-coherence-header";

    [SharedDataFact("data", "real", Folder)]
    public void TheRealSnapHeader_GivesItsCoherenceBand_Georeferencing_Dates_Looks_AndBaseline()
    {
        var path = SharedData.Real(Folder, "S1_IW_SLC_coherance.dim");
        var header = DimapHeader.Parse(File.ReadAllBytes(path), "S1_IW_SLC_coherance.dim");

        Assert.Equal("20190809_20190902_coh_tc", header.ProductName);
        var band = Assert.Single(header.Bands);
        Assert.Equal("coh_IW2_VV_09Aug2019_02Sep2019", band.Name);
        Assert.True(band.IsCoherence);
        Assert.Equal("float32", band.DataType);
        Assert.Equal(0.0, band.NoData);
        Assert.Equal((1.0, 0.0), (band.ScalingFactor, band.ScalingOffset));
        // IMAGE_TO_MODEL_TRANSFORM 3.7729241933019903E-4,0.0,0.0,-3.7729241933019903E-4,-22.91156922722675,64.18033841718417
        Assert.Equal([-22.91156922722675, 3.7729241933019903E-4, 0.0, 64.18033841718417, 0.0, -3.7729241933019903E-4], band.GeoTransform!);
        Assert.Contains("WGS84(DD)", header.CrsWkt);
        Assert.Equal((6, 2), (header.RangeLooks, header.AzimuthLooks));
        Assert.Equal(41.85918195208061, header.PixelSpacingM);
        Assert.Equal((new DateOnly(2019, 8, 9), new DateOnly(2019, 9, 2)), (header.ReferenceDate, header.SecondaryDate));

        var pair = header.PairDates(band, out var problem);
        Assert.Null(problem);
        Assert.Equal((new DateOnly(2019, 8, 9), new DateOnly(2019, 9, 2)), pair);
        var info = header.ProductInfo(pair!.Value, "S1_IW_SLC_coherance.dim");
        // Baselines / Master: 09Aug2019 / Slave: 02Sep2019 / Perp Baseline
        Assert.Equal(66.98072814941406, info.BaselineM);
        Assert.Equal("6x2", info.Looks);
        Assert.Equal("S1_IW_SLC_coherance.dim (SNAP BEAM-DIMAP)", info.BaselineSource);
        Assert.Equal("20190809_20190902_coh_tc", info.ProductName);
    }

    [Fact]
    public void ABandWithoutDatesInItsName_TakesTheMetadataDates_AndTheBaselineSeenFromTheOtherSide_IsNegated()
    {
        var folder = Directory.CreateTempSubdirectory("dimap-header").FullName;
        try
        {
            var (reference, secondary) = (new DateOnly(2021, 3, 14), new DateOnly(2021, 3, 26));
            var dim = SnapDimapWriter.Write(folder, "S1_coh", 2, 1, [new DimapTestBand("coh_IW1_VV", [0.5f, 0.25f])],
                null, null, secondary, reference, bperp: 42.5);
            var header = DimapHeader.Parse(File.ReadAllBytes(dim), "S1_coh.dim");
            var band = header.Band("coh_IW1_VV")!;
            Assert.Null(band.GeoTransform);
            Assert.Null(header.CrsWkt);
            // Written with the later date as SNAP's master: the pair is still (earlier, later) ...
            var pair = header.PairDates(band, out _);
            Assert.Equal((reference, secondary), pair);
            // ... and "Master: 26Mar / Slave: 14Mar" = 42.5 m means secondary − reference = −42.5 m.
            Assert.Equal(-42.5, header.ProductInfo(pair!.Value, "S1_coh.dim").BaselineM);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("<html/>", "no Dimap_Document root")]
    [InlineData("<Dimap_Document><Image_Interpretation/></Dimap_Document>", "lists no band")]
    [InlineData("not xml", "is not XML")]
    public void NotADimapHeader_IsAFormatErrorNamingTheFile(string xml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DimapHeader.Parse(xml, "bad.dim"));
        Assert.Contains("bad.dim", ex.Message);
        Assert.Contains(expected, ex.Message);
    }
}
