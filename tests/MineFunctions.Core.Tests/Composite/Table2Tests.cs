using MineFunctions.Core.Activity;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Composite;

/// <summary>Seed Table 2 (Sishen, colour counts for R = 2020, G = 2021, B = 2022) and METHOD.md §2.</summary>
public sealed class Table2Tests
{
    private static readonly ClassCounts Sishen = new(new Dictionary<ColourClass, long>
    {
        [ColourClass.Red] = 43_398, [ColourClass.Green] = 40_088, [ColourClass.Blue] = 47_177,
        [ColourClass.Cyan] = 28_779, [ColourClass.Magenta] = 9_509, [ColourClass.Yellow] = 23_097,
        [ColourClass.White] = 24_927,
    });

    [Fact]
    public void ActivePixels_Of2021And2022_MatchThePublishedTotals()
    {
        Assert.Equal(116_891, Sishen.ActivePixels(1));
        Assert.Equal(110_392, Sishen.ActivePixels(2));
        var checks = PublishedTotalCheck.Compare(Sishen, [2020, 2021, 2022], new Dictionary<int, long> { [2021] = 116_891, [2022] = 110_392 });
        Assert.All(checks, c => Assert.True(c.IsConsistent));
    }

    [Fact]
    public void PublishedTotalCheck_Reports2020Inconsistency_ColoursSumTo100931NotThePrinted105931()
    {
        var check = Assert.Single(PublishedTotalCheck.Compare(Sishen, [2020, 2021, 2022], new Dictionary<int, long> { [2020] = 105_931 }));
        Assert.False(check.IsConsistent);
        Assert.Equal(100_931, check.ColourSum);
        Assert.Equal(5_000, check.Difference);
        Assert.Contains("100,931", check.Describe());
    }
}
