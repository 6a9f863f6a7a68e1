using System.Globalization;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Activity;

/// <summary>
/// Compares a published yearly pixel total with the sum of its colour classes. The seed's Table 2
/// prints 105,931 for 2020 while R+Y+M+W = 100,931 (METHOD.md §2): such a mismatch must be reported,
/// never silently used.
/// </summary>
public sealed record PublishedTotalCheck(int Year, long ColourSum, long PublishedTotal)
{
    public long Difference => PublishedTotal - ColourSum;

    public bool IsConsistent => Difference == 0;

    public string Describe() => IsConsistent
        ? $"{Year}: published total {Format(PublishedTotal)} equals the colour sum."
        : $"{Year}: published total {Format(PublishedTotal)} differs from the colour sum {Format(ColourSum)} by {Difference.ToString("+#,0;-#,0", CultureInfo.InvariantCulture)} px; the colour sum is used.";

    /// <summary>One check per year of the window that has a published total.</summary>
    public static IReadOnlyList<PublishedTotalCheck> Compare(ClassCounts counts, IReadOnlyList<int> years, IReadOnlyDictionary<int, long> publishedTotals)
    {
        foreach (var y in publishedTotals.Keys)
            if (!years.Contains(y)) throw new ArgumentException($"Published total for {y}, which is not a year of the window {string.Join(",", years)}.", nameof(publishedTotals));
        var checks = new List<PublishedTotalCheck>();
        for (var i = 0; i < years.Count; i++)
        {
            if (publishedTotals.TryGetValue(years[i], out var published))
                checks.Add(new PublishedTotalCheck(years[i], counts.ActivePixels(i), published));
        }
        return checks;
    }

    private static string Format(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
