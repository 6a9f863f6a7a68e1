namespace MineFunctions.Core.Activity;

/// <summary>Year-over-year change as the seed's Section 4 reports it (METHOD.md §2).</summary>
public static class PercentChange
{
    /// <summary>100 × (to − from) / from; null when <paramref name="from"/> is 0 (no base to compare with).</summary>
    public static double? Between(double from, double to) => from == 0 ? null : 100.0 * (to - from) / from;
}
