using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Infrastructure.Tests.Storage;

public sealed class BlobPathTests
{
    [Theory]
    [InlineData("../other/x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../../other-container/x.tif")]
    [InlineData("/mine-products/a.tif")]
    [InlineData("a\\..\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a/./b")]
    [InlineData("a/b%2F..%2Fc")]
    [InlineData("a b/c")]
    [InlineData("a/b?c")]
    [InlineData("a/b#c")]
    [InlineData("a/\u0000b")]
    [InlineData("a/.hidden")]
    [InlineData("")]
    public void Name_RejectsTraversalAndCharactersOutsideTheAllowlist(string name)
    {
        var ex = Assert.Throws<StorageNameException>(() => BlobPath.Name(name));
        Assert.Equal("blob name", ex.What);
        Assert.False(string.IsNullOrEmpty(ex.Problem));
    }

    [Fact]
    public void Name_RejectsOverlongNames()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('a', 100), 6));
        var ex = Assert.Throws<StorageNameException>(() => BlobPath.Name(name));
        Assert.Contains("longer than", ex.Problem);
    }

    [Theory]
    [InlineData("carajas-n4/pairs/20210105_20210117.tif")]
    [InlineData("a/b")]
    [InlineData("mine_1/v1-0123456789abcdef/png/composite_2020-2022.png")]
    [InlineData("m/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif")]
    [InlineData("m/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_corr.tif")]
    [InlineData("m/pairs/coh_IW2_VV_09Aug2019_02Sep2019.TIF")]
    public void Name_AcceptsLayoutNamesUnchanged_CaseKept(string name) => Assert.Equal(name, BlobPath.Name(name));

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("-x")]
    [InlineData("_x")]
    [InlineData(".x")]
    [InlineData("Mine")]
    [InlineData("a.b")]
    [InlineData("mine\n")]
    [InlineData("mine\r\n")]
    [InlineData("")]
    public void AssetId_RejectsSlashDotsUppercaseLeadingPunctuationAndTrailingNewlines(string id)
    {
        Assert.Throws<StorageNameException>(() => AssetIds.Check(id));
        Assert.False(AssetIds.IsValid(id, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Theory]
    [InlineData("carajas-n4")]
    [InlineData("mine_07")]
    [InlineData("0")]
    public void AssetId_AcceptsTheRule(string id)
    {
        Assert.Equal(id, AssetIds.Check(id));
        Assert.True(AssetIds.IsValid(id, out _));
    }

    [Fact]
    public void AssetId_IsBoundedAt64Characters()
    {
        Assert.True(AssetIds.IsValid(new string('a', 64), out _));
        Assert.Contains("longer than 64", Assert.Throws<StorageNameException>(() => AssetIds.Check(new string('a', 65))).Message);
    }

    [Fact]
    public void Segment_RejectsSegmentLongerThanTheBound() =>
        Assert.Throws<StorageNameException>(() => BlobPath.Segment(new string('a', BlobPath.MaxSegmentLength + 1)));

    [Fact]
    public void Combine_ChecksEverySegment()
    {
        Assert.Equal("a/b/c.tif", BlobPath.Combine("a", "b", "c.tif"));
        Assert.Throws<StorageNameException>(() => BlobPath.Combine("a", "../b"));
        Assert.Throws<StorageNameException>(() => BlobPath.Combine("a", "b/c"));
    }

    [Fact]
    public void Prefix_AcceptsEmptyOrNameWithTrailingSlashOnly()
    {
        Assert.Equal("", BlobPath.Prefix(null));
        Assert.Equal("a/b/", BlobPath.Prefix("a/b/"));
        Assert.Throws<StorageNameException>(() => BlobPath.Prefix("a/b"));
        Assert.Throws<StorageNameException>(() => BlobPath.Prefix("../"));
    }

    [Fact]
    public void Exception_MessageNamesWhatAndWhy()
    {
        var ex = Assert.Throws<StorageNameException>(() => AssetIds.Check("../x"));
        Assert.Contains("asset id", ex.Message);
        Assert.Contains("'../x'", ex.Message);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }

    [Theory]
    [InlineData("mine-input", true)]
    [InlineData("ab", false)]
    [InlineData("Mine", false)]
    [InlineData("a--b", false)]
    [InlineData("-ab", false)]
    [InlineData("a_b", false)]
    public void ContainerName_FollowsAzureRules(string name, bool valid)
    {
        if (valid) Assert.Equal(name, ContainerName.Validate(name));
        else Assert.Throws<StorageNameException>(() => ContainerName.Validate(name));
    }
}
