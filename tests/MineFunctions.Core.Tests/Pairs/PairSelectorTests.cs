using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class PairSelectorTests
{
    private static readonly DateOnly D0 = new(2021, 1, 3);

    private static PairCandidate Pair(string id, int startDay, int days, double? bperp = 10, string? track = "T005", string? dir = "ASC", string? pol = "VV") =>
        new(id, D0.AddDays(startDay), D0.AddDays(startDay + days), bperp, track, dir, pol);

    [Fact]
    public void TwelveAndTwentyFourDayPairs_WithinTheBaseline_AreSelected()
    {
        var result = PairSelector.Select([Pair("a", 0, 12), Pair("b", 12, 24)], new PairSelectionRules());
        Assert.All(result, r => Assert.True(r.Selected, r.Reason));
    }

    [Fact]
    public void OtherTemporalBaselines_AreRejectedWithTheirLength()
    {
        var r = Assert.Single(PairSelector.Select([Pair("a", 0, 36)], new PairSelectionRules()));
        Assert.False(r.Selected);
        Assert.Contains("36 d", r.Reason);
    }

    [Theory]
    [InlineData(250.0, true)]
    [InlineData(-250.0, true)]
    [InlineData(250.5, false)]
    [InlineData(-400.0, false)]
    public void PerpendicularBaseline_IsLimitedInAbsoluteValue(double bperp, bool selected) =>
        Assert.Equal(selected, PairSelector.Select([Pair("a", 0, 12, bperp)], new PairSelectionRules()).Single().Selected);

    [Fact]
    public void UnknownBaseline_IsKeptButFlagged()
    {
        var r = PairSelector.Select([Pair("a", 0, 12, bperp: null)], new PairSelectionRules()).Single();
        Assert.True(r.Selected);
        Assert.True(r.BaselineUnknown);
        Assert.Contains("Bperp unknown", r.Reason);
    }

    [Fact]
    public void PairsFromAnotherTrackThanTheMajority_AreRejected()
    {
        var result = PairSelector.Select([Pair("a", 0, 12), Pair("b", 12, 12), Pair("c", 24, 12, track: "T107", dir: "DSC")], new PairSelectionRules());
        Assert.Equal(["a", "b"], result.Where(r => r.Selected).Select(r => r.Pair.PairId));
        Assert.Contains("differs", result.Single(r => r.Pair.PairId == "c").Reason);
    }

    [Fact]
    public void WrongPolarisation_AndReversedDates_AreRejected()
    {
        var result = PairSelector.Select([Pair("vh", 0, 12, pol: "VH"), Pair("rev", 12, -12)], new PairSelectionRules());
        Assert.All(result, r => Assert.False(r.Selected));
    }

    [Fact]
    public void DuplicatePairIds_AreAnError() =>
        Assert.Throws<ArgumentException>(() => PairSelector.Select([Pair("a", 0, 12), Pair("a", 12, 12)], new PairSelectionRules()));

    [Fact]
    public void MidDate_IsHalfwayBetweenTheDates() =>
        Assert.Equal(D0.AddDays(6), Pair("a", 0, 12).MidDate);
}
