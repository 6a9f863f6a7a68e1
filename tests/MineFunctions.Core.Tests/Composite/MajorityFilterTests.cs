using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;

namespace MineFunctions.Core.Tests.Composite;

/// <summary>The majority filter of the yearly decisions (METHOD.md §3.2) on hand-built maps; counts by hand.</summary>
public sealed class MajorityFilterTests
{
    [Theory]
    [InlineData(7, 2, 3, 1)]   // default window → 7 × 3 box
    [InlineData(5, 1, 2, 1)]   // at least 3 rows
    [InlineData(10, 3, 5, 1)]
    [InlineData(1, 1, 1, 1)]   // at least 3 × 3
    public void TheBox_CoversTheCoherenceWindow(int x, int y, int halfColumns, int halfRows) =>
        Assert.Equal((halfColumns, halfRows), MajorityFilter.HalfBox(new CoherenceWindow(x, y)));

    [Theory]
    [InlineData(4, true)]  // edge column of the strip: 4 of the box's 7 columns → 12 of 21 votes
    [InlineData(3, false)] // 3 of 7 → 9 of 21: narrower than half the box, gone
    public void AStripAsWideAsHalfTheBox_Stays_ANarrowerOneGoes(int stripWidth, bool kept)
    {
        const int width = 20, height = 5;
        var active = new bool[width * height];
        for (var r = 0; r < height; r++)
        for (var c = 8; c < 8 + stripWidth; c++) active[r * width + c] = true;

        var result = Filter(active, Enumerable.Repeat(true, active.Length).ToArray(), width, CoherenceWindow.Default);

        for (var r = 0; r < height; r++)
        for (var c = 0; c < width; c++)
            Assert.Equal(kept && active[r * width + c], result[r * width + c]);
    }

    [Fact]
    public void AStraightEdge_KeepsItsPlace_AndALoneFlipGoes()
    {
        const int width = 20, height = 5;
        var active = new bool[width * height];
        for (var i = 0; i < active.Length; i++) active[i] = i % width < 10;
        var expected = (bool[])active.Clone();
        active[2 * width + 4] = false; // inside the active half
        active[2 * width + 15] = true; // inside the quiet half

        var result = Filter(active, Enumerable.Repeat(true, active.Length).ToArray(), width, CoherenceWindow.Default);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void OnlyPixelsWithADecisionVote()
    {
        // 5 × 5 window → 5 × 5 box. Only column 0 has decisions (inside the polygon), all active: each sees 3–5
        // voters, all active. Were the 10–20 pixels outside counted as inactive votes, all five would flip.
        const int width = 5;
        var voters = new bool[25];
        var active = new bool[25];
        for (var r = 0; r < 5; r++) voters[r * width] = active[r * width] = true;

        var result = Filter(active, voters, width, new CoherenceWindow(5, 5));

        Assert.Equal(active, result);
    }

    [Fact]
    public void ATie_KeepsThePixelsOwnDecision()
    {
        // One row of two voters: each box holds both, 1 for 1.
        Assert.Equal([true, false], Filter([true, false], [true, true], 2, new CoherenceWindow(1, 1)));
    }

    [Fact]
    public void ARasterOfPartialRows_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Filter(new bool[7], new bool[7], 2, CoherenceWindow.Default));

    private static bool[] Filter(bool[] active, bool[] voters, int width, CoherenceWindow window)
    {
        var result = new bool[active.Length];
        MajorityFilter.Apply(active, voters, width, window, result);
        return result;
    }
}
