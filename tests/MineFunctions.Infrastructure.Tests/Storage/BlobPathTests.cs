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
    [InlineData("A/b.tif")]
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
    public void Name_AcceptsLayoutNamesUnchanged(string name) => Assert.Equal(name, BlobPath.Name(name));

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("-x")]
    [InlineData("_x")]
    [InlineData(".x")]
    [InlineData("Mine")]
    public void AssetId_RejectsSlashDotsUppercaseAndLeadingPunctuation(string id) =>
        Assert.Throws<StorageNameException>(() => AssetIds.Check(id));

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
