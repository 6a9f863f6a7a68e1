namespace MineFunctions.Core.Composite;

/// <summary>
/// A year's active-pixel total recomputed from colour counts versus a published total (METHOD.md §2:
/// the seed's 2020 colours sum to 100,931 against a printed 105,931).
/// </summary>
public sealed record PublishedTotalCheck(int YearIndex, long Computed, long Published)
{
    public long Difference => Published - Computed;

    public bool Matches => Difference == 0;

    public override string ToString() => Matches
        ? $"year {YearIndex + 1}: {Computed} px matches the published total"
        : $"year {YearIndex + 1}: colours sum to {Computed} px but the published total is {Published} (difference {Difference})";
}
