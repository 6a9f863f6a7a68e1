using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Activity;

/// <summary>What a classified 3-year window says about area: its class counts, pixel area and, for the adaptive rule, uncertain pixels per year.</summary>
public sealed record WindowCounts(int FirstYear, ClassCounts Counts, double PixelAreaM2, IReadOnlyList<long>? UncertainPixels = null);

/// <summary>
/// One year's mined area (METHOD.md §1.5), null where no window covers the year: its active pixels in
/// the chosen window, the pixel area, the area, the uncertain pixels and the area's ± (half the
/// uncertain pixels × the pixel area: a bound on how far the count could move, METHOD.md §3).
/// </summary>
public sealed record WindowYearArea(int Year, long? ActivePixels, double? PixelAreaM2, double? AreaM2, long? UncertainPixels, double? UncertaintyM2)
{
    /// <summary>
    /// The year's area from the windows that contain it (Y1 = R+Y+M+W, Y2 = G+Y+C+W, Y3 = B+C+M+W). A year
    /// inside several windows takes the latest one, the composite with the most recent context.
    /// </summary>
    public static WindowYearArea Of(int year, IEnumerable<WindowCounts> windows)
    {
        var window = windows.Where(w => year >= w.FirstYear && year <= w.FirstYear + 2).MaxBy(w => w.FirstYear);
        if (window is null) return new WindowYearArea(year, null, null, null, null, null);
        var index = year - window.FirstYear;
        var active = window.Counts.ActivePixels(index);
        long? uncertain = window.UncertainPixels is { Count: 3 } u ? u[index] : null;
        return new WindowYearArea(year, active, window.PixelAreaM2, active * window.PixelAreaM2, uncertain, uncertain / 2.0 * window.PixelAreaM2);
    }
}
