using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class PairDateParserTests
{
    private static readonly Dictionary<string, string> NoTags = [];

    [Theory]
    [InlineData("cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif", "2018-01-06", "2018-01-30")]
    [InlineData("/data/S1AA_20180106T004021_20180130T004022_VVP012_INT80_G_ueF_5D91_corr.tif", "2018-01-06", "2018-01-30")]
    [InlineData("coh_20221231_20230112.tif", "2022-12-31", "2023-01-12")]
    [InlineData("x_99999999-12345678_y_20200101-20200113.tif", "2020-01-01", "2020-01-13")]
    public void FileName_GivesBothDates(string name, string reference, string secondary)
    {
        var d = PairDateParser.Resolve(name, NoTags);
        Assert.Equal((DateOnly.Parse(reference), DateOnly.Parse(secondary), PairDateSource.FileName), (d.Reference, d.Secondary, d.Source));
    }

    [Theory]
    [InlineData("coherence.tif")]
    [InlineData("a_20180106.tif")]
    [InlineData("a_120180106-20180130.tif")]
    [InlineData("a_20181306-20180130.tif")]
    public void NameWithoutTwoValidDates_FallsBackToTags(string name)
    {
        var tags = new Dictionary<string, string> { ["FIRST_DATE"] = "2019-03-01", ["SECOND_DATE"] = "20190313" };
        var d = PairDateParser.Resolve(name, tags);
        Assert.Equal((new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 13), PairDateSource.Tags), (d.Reference, d.Secondary, d.Source));
        Assert.Equal(12, d.TemporalBaselineDays);
    }

    [Fact]
    public void NeitherNameNorTags_IsAClearError()
    {
        var ex = Assert.Throws<FormatException>(() => PairDateParser.Resolve("/x/coherence.tif", NoTags));
        Assert.Contains("coherence.tif", ex.Message);
        Assert.Contains("FIRST_DATE", ex.Message);
    }

    [Fact]
    public void NameAndTagsDisagreeing_IsAnError()
    {
        var tags = new Dictionary<string, string> { ["FIRST_DATE"] = "2018-01-06", ["SECOND_DATE"] = "2018-02-11" };
        var ex = Assert.Throws<FormatException>(() => PairDateParser.Resolve("p_20180106-20180130.tif", tags));
        Assert.Contains("2018-01-06/2018-01-30", ex.Message);
        Assert.Contains("2018-01-06/2018-02-11", ex.Message);
    }
}
