using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class Hyp3ProductInfoTests
{
    // The parameter file's lines as Table 4 of the HyP3 InSAR product guide lists them (its example values).
    private const string Parameters =
        "Reference Granule: S1A_IW_SLC__1SDV_20200116T032559_20200116T032627_030820_038928_F5DC\n" +
        "Secondary Granule: S1B_IW_SLC__1SDV_20200128T032559_20200128T032627_030995_038F51_7D4F\n" +
        "Reference Pass Direction: DESCENDING\n" +
        "Baseline: 58.3898\n" +
        "UTCTime: 12360.691361\n" +
        "Range looks: 20\n" +
        "Azimuth looks: 4\n" +
        "Resolution of output (m): 80\n" +
        "DEM source: GLO-30\n";

    [Fact]
    public void ParameterFile_GivesBaselineLooksAndSpacing()
    {
        var info = Hyp3ProductInfo.Parse("S1AB_20200116T032559_20200128T032559_VVP012_INT80_G_ueF_1A2B", Parameters);
        Assert.Equal((58.3898, "20x4", 80.0), (info.BaselineM!.Value, info.Looks, info.PixelSpacingM!.Value));
        Assert.Equal("S1AB_20200116T032559_20200128T032559_VVP012_INT80_G_ueF_1A2B.txt (HyP3 product)", info.BaselineSource);
    }

    [Fact]
    public void WithoutAParameterFile_TheSpacingComesFromTheNameAndTheRestIsUnknown()
    {
        var info = Hyp3ProductInfo.Parse("S1_184302_IW2_20210103_20210115_VV_INT20_0000", null);
        Assert.Equal((null, null, 20.0), (info.BaselineM, info.Looks, info.PixelSpacingM!.Value));
    }
}
