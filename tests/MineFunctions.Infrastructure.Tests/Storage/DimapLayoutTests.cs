using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Infrastructure.Tests.Storage;

/// <summary>Names of a SNAP BEAM-DIMAP product under pairs/: what is read, what is skipped and why.</summary>
public sealed class DimapLayoutTests
{
    [Theory]
    [InlineData("mine/pairs/20190809_20190902_coh_tc.dim", InputBlobKind.PairHeader)]
    [InlineData("mine/pairs/20190809_20190902_coh_tc.data/coh_IW2_VV_09Aug2019_02Sep2019.img", InputBlobKind.PairRaster)]
    [InlineData("mine/pairs/20190809_20190902_coh_tc.data/coh_IW2_VV_09Aug2019_02Sep2019.hdr", InputBlobKind.PairSidecar)]
    public void TheHeaderAndACoherenceBandsEnviFiles_AreInputs(string name, InputBlobKind kind) =>
        Assert.Equal(kind, StorageLayout.Inspect(name).Input?.Kind);

    [Theory]
    [InlineData("mine/pairs/p.data/Intensity_IW2_VV_09Aug2019.img", "not coherence")]
    [InlineData("mine/pairs/p.data/i_IW2_VV_mst_09Aug2019.hdr", "not coherence")]
    [InlineData("mine/pairs/p.data/vector_data/pins.csv", "not a band")]
    [InlineData("mine/pairs/p.data/tie_point_grids/latitude.img", "not a band")]
    [InlineData("mine/pairs/p.data/coh_IW2_VV_09Aug2019_02Sep2019.img.aux.xml", "not an ENVI band")]
    public void OtherFilesOfTheProduct_AreSkippedWithTheReason(string name, string reason)
    {
        var verdict = StorageLayout.Inspect(name);
        Assert.Null(verdict.Input);
        Assert.Contains(reason, verdict.SkipReason);
    }

    [Fact]
    public void ABandImage_NamesItsEnviHeaderAndItsProductHeader()
    {
        Assert.Equal(("a/pairs/p.data/coh_x.hdr", "a/pairs/p.dim", "coh_x"), Dimap.CompanionsOf("a/pairs/p.data/coh_x.img"));
        Assert.False(Dimap.IsBandImage("a/pairs/p/coh_x.img"));
        Assert.Throws<ArgumentException>(() => Dimap.CompanionsOf("a/pairs/coh_x.tif"));
    }
}
