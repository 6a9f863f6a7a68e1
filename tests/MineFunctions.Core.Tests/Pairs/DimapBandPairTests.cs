using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

/// <summary>Which coherence band of a SNAP product is a pair, and why not: each step on a header built by hand.</summary>
public sealed class DimapBandPairTests
{
    private static readonly DateOnly Reference = new(2021, 3, 14), Secondary = new(2021, 3, 26);

    /// <summary>A product of one band; its metadata names the pair 14 → 26 March 2021 when <paramref name="withDates"/>, with Bperp 42.5 m.</summary>
    private static DimapHeader Header(string band, bool withDates = true) => new(
        "S1_coh", [new DimapBand(band, "float32", 0, 1, 0, null)], null, 6, 2, 41.9,
        withDates ? Reference : null, withDates ? Secondary : null,
        new Dictionary<(DateOnly Master, DateOnly Slave), double> { [(Reference, Secondary)] = 42.5 });

    [Theory]
    [InlineData(false, true, "no S1_coh.dim beside its .data folder (a SNAP BEAM-DIMAP product is the .dim and its .data/)")]
    [InlineData(false, false, "no S1_coh.dim beside its .data folder (a SNAP BEAM-DIMAP product is the .dim and its .data/)")]
    [InlineData(true, false, "no coh_IW1_VV.hdr beside it (ENVI header)")]
    [InlineData(true, true, null)]
    public void ABandNeedsTheProductsDimAndItsOwnHdr(bool dim, bool hdr, string? expected) =>
        Assert.Equal(expected, DimapBandPair.MissingCompanion("S1_coh.dim", "coh_IW1_VV", dim, hdr));

    [Fact]
    public void ABandOfAnUnreadableDim_IsNoPair()
    {
        Assert.Null(DimapBandPair.Of(null, "S1_coh.dim", "coh_IW1_VV", out var problem));
        Assert.Equal("S1_coh.dim is not a readable BEAM-DIMAP header", problem);
    }

    [Fact]
    public void ABandTheDimDoesNotList_IsNoPair()
    {
        Assert.Null(DimapBandPair.Of(Header("coh_IW2_VV"), "S1_coh.dim", "coh_IW1_VV", out var problem));
        Assert.Equal("S1_coh.dim lists no band 'coh_IW1_VV'", problem);
    }

    [Fact]
    public void ABandWithDatesNeitherInItsNameNorInTheMetadata_IsNoPair()
    {
        Assert.Null(DimapBandPair.Of(Header("coh_IW1_VV", withDates: false), "S1_coh.dim", "coh_IW1_VV", out var problem));
        Assert.StartsWith("band 'coh_IW1_VV': ", problem);
        Assert.EndsWith("and the product's metadata names no single secondary acquisition", problem);
    }

    [Fact]
    public void ABandWithDatesInItsName_IsThatPair_WithItsProductsLooksSpacingAndBaseline()
    {
        // SNAP's band name carries the dates (ddMMMyyyy); the metadata's Bperp is for (master 14 Mar, slave 26 Mar).
        var pair = DimapBandPair.Of(Header("coh_IW1_VV_14Mar2021_26Mar2021", withDates: false), "S1_coh.dim", "coh_IW1_VV_14Mar2021_26Mar2021", out var problem);
        Assert.Null(problem);
        Assert.Equal((Reference, Secondary), pair!.Value.Dates);
        Assert.Equal(new Hyp3ProductInfo("S1_coh", 6, 2, 41.9, 42.5, "S1_coh.dim (SNAP BEAM-DIMAP)"), pair.Value.Product);
    }

    [Fact]
    public void ABandWithoutDatesInItsName_TakesTheMetadatasPair() =>
        Assert.Equal((Reference, Secondary), DimapBandPair.Of(Header("coh_IW1_VV"), "S1_coh.dim", "coh_IW1_VV", out _)!.Value.Dates);
}
