using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class NameDatesTests
{
    [Theory]
    // HyP3 INSAR_ISCE_BURST and INSAR_GAMMA names as the issue and the HyP3 product guides give them.
    [InlineData("S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif", "2021-01-03", "2021-01-15")]
    [InlineData("S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_corr.tif", "2017-11-11", "2017-11-17")]
    // INSAR_ISCE_MULTI_BURST: the burst block is glued by '-' and 's'/'n', none of it a date.
    [InlineData("S1_123_111111s1n02-111111s2n01-000000s3n00_IW_20240101_20240115_VV_INT80_AEB4_corr.tif", "2024-01-01", "2024-01-15")]
    // SNAP band / file names: ddMMMyyyy.
    [InlineData("coh_IW2_VV_09Aug2019_02Sep2019", "2019-08-09", "2019-09-02")]
    [InlineData("coh_IW2_VV_09AUG2019_02sep2019.tif", "2019-08-09", "2019-09-02")]
    // PyRate/GAMMA, '-' between the dates.
    [InlineData("cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif", "2018-01-06", "2018-01-30")]
    // ARIA GUNW writes the later date first: the earlier one is the reference.
    [InlineData("S1-GUNW-D-R-071-tops-20200130_20200124-135156-34956N_32979N-PP-913f-v2_0_2.tif", "2020-01-24", "2020-01-30")]
    // Two Sentinel-1 scene names (start and stop time of each): two distinct dates.
    [InlineData("S1A_IW_SLC__1SDV_20190809T134510_20190809T134537_028487_0337F1_5B4D_S1B_IW_SLC__1SDV_20190902T134446_20190902T134513_017810_021828_2F27_coh.tif", "2019-08-09", "2019-09-02")]
    // Upper/lower case kept in the name does not matter to the dates; a version stamp glued to a letter is no date.
    [InlineData("Mine_A_20200101_20200113_v20210501.TIF", "2020-01-01", "2020-01-13")]
    public void Pair_ReadsTheDatesUsersNamesCarry(string name, string reference, string secondary)
    {
        var pair = NameDates.Pair(name, out var problem);
        Assert.Null(problem);
        Assert.Equal((DateOnly.Parse(reference), DateOnly.Parse(secondary)), pair);
    }

    [Theory]
    [InlineData("coherence.tif", "no date")]
    [InlineData("a_20180106.tif", "only one date")]
    [InlineData("S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405.tif", "only one date")]
    [InlineData("a_20200101_20200113_20200125.tif", "3 different dates")]
    [InlineData("a_20181306_20180130.tif", "only one date")] // month 13 is no date
    [InlineData("a_31Feb2019_02Sep2019.tif", "only one date")] // 31 February is no date
    [InlineData("a_120180106-20180130.tif", "only one date")] // nine digits are no date
    public void Pair_RefusesNamesWithoutExactlyTwoDates_SayingWhy(string name, string expected)
    {
        Assert.Null(NameDates.Pair(name, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Single_ReadsAnAcquisitionDate_FromASceneNameRepeatingIt()
    {
        Assert.Equal(new DateOnly(2020, 6, 11), NameDates.Single("S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405", out var problem));
        Assert.Null(problem);
        Assert.Null(NameDates.Single("x_20200101_20200113.tif", out problem));
        Assert.Contains("2 different dates", problem);
    }
}
