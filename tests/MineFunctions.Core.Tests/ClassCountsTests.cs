using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests;

public sealed class ClassCountsTests
{
    [Fact]
    public void ActivePixels_FollowsTheYearMembershipOfEachColour()
    {
        // Distinct powers of ten make every class's contribution visible in the sums.
        var counts = new ClassCounts(new Dictionary<ColourClass, long>
        {
            [ColourClass.Red] = 1, [ColourClass.Green] = 10, [ColourClass.Blue] = 100, [ColourClass.Cyan] = 1_000,
            [ColourClass.Magenta] = 10_000, [ColourClass.Yellow] = 100_000, [ColourClass.White] = 1_000_000,
            [ColourClass.Black] = 10_000_000,
        });
        Assert.Equal(1 + 100_000 + 10_000 + 1_000_000, counts.ActivePixels(0)); // R+Y+M+W
        Assert.Equal(10 + 100_000 + 1_000 + 1_000_000, counts.ActivePixels(1)); // G+Y+C+W
        Assert.Equal(100 + 1_000 + 10_000 + 1_000_000, counts.ActivePixels(2)); // B+C+M+W
        Assert.Equal(11_111_111, counts.Total);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.ActivePixels(3));
    }

    [Theory]
    [InlineData("red", ColourClass.Red)]
    [InlineData(" Magenta ", ColourClass.Magenta)]
    [InlineData("BLACK", ColourClass.Black)]
    public void ParseCsvName_AcceptsNamesCaseInsensitively(string text, ColourClass expected) =>
        Assert.Equal(expected, ColourClassExtensions.ParseCsvName(text));

    [Theory]
    [InlineData("orange")]
    [InlineData("3")]
    [InlineData("")]
    public void ParseCsvName_RejectsAnythingElse(string text) =>
        Assert.Throws<FormatException>(() => ColourClassExtensions.ParseCsvName(text));

    [Fact]
    public void NegativeCounts_AreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassCounts(new Dictionary<ColourClass, long> { [ColourClass.Red] = -1 }));
}
