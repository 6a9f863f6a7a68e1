using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Activity;

/// <summary>Active pixels and mined area of one year of a composite window.</summary>
public sealed record YearArea(int Year, long ActivePixels, double AreaM2)
{
    /// <summary>
    /// Per-year active pixels and area for the three years of a window (METHOD.md §1.5: Y1 = R+Y+M+W,
    /// Y2 = G+Y+C+W, Y3 = B+C+M+W; area = pixels × the explicit per-pixel area).
    /// </summary>
    public static IReadOnlyList<YearArea> FromCounts(ClassCounts counts, double pixelAreaM2, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!double.IsFinite(pixelAreaM2) || pixelAreaM2 <= 0)
            throw new ArgumentOutOfRangeException(nameof(pixelAreaM2), pixelAreaM2, "The per-pixel area must be a positive number of m².");
        if (years.Count != 3) throw new ArgumentException("A composite window has exactly three years.", nameof(years));
        if (years[1] != years[0] + 1 || years[2] != years[1] + 1)
            throw new ArgumentException($"The three years must be consecutive, got {string.Join(",", years)}.", nameof(years));

        var result = new YearArea[3];
        for (var i = 0; i < 3; i++)
        {
            var pixels = counts.ActivePixels(i);
            result[i] = new YearArea(years[i], pixels, pixels * pixelAreaM2);
        }
        return result;
    }
}
