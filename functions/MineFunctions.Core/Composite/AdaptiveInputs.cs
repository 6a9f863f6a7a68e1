using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Composite;

/// <summary>
/// What the adaptive rule needs of each year of a window beyond its annual mean: per pixel, the accepted
/// pairs that gave it an NDAI (band 2 of annual/&lt;year&gt;.tif) and those of them in which it was disturbed
/// (band 3), and the year's background (<see cref="YearBackground"/>); and, for the
/// majority filter of the decisions (<see cref="MajorityFilter"/>), the raster's width and the coherence window.
/// </summary>
public sealed record AdaptiveInputs(
    IReadOnlyList<float[]> PairCounts, IReadOnlyList<float[]> DisturbedCounts, IReadOnlyList<YearBackground> Backgrounds, int Width, CoherenceWindow Window)
{
    public void Validate(int pixels)
    {
        if (PairCounts.Count != 3 || DisturbedCounts.Count != 3 || Backgrounds.Count != 3)
            throw new ArgumentException("The adaptive rule needs pair counts, disturbed counts and a background for each of the three years.");
        if (PairCounts.Concat(DisturbedCounts).Any(c => c.Length != pixels)) throw new ArgumentException("Pair counts, disturbed counts and annual means must have the same number of pixels.");
        if (Width < 1 || pixels % Width != 0) throw new ArgumentException($"{pixels} pixels are not whole rows of {Width}.");
        Window.Validate();
    }

    /// <summary>
    /// The inputs of a window from its three years' annual means, pair counts and disturbed counts, and the
    /// asset's stable mask and time-mean coherence (each year's <see cref="YearBackground"/>), on a grid
    /// <paramref name="width"/> pixels wide estimated with <paramref name="window"/>; null when no stable pixel
    /// has data, so there is no background.
    /// </summary>
    public static AdaptiveInputs? FromStack(IReadOnlyList<float[]> annualMeans, IReadOnlyList<float[]> pairCounts, IReadOnlyList<float[]> disturbedCounts,
        ReadOnlySpan<byte> stableMask, ReadOnlySpan<float> stableMean, CoherenceWindow window, int width)
    {
        if (annualMeans.Count != 3 || pairCounts.Count != 3 || disturbedCounts.Count != 3)
            throw new ArgumentException("A window has three years of annual means, pair counts and disturbed counts.");
        if (DisturbanceLevel.StableCoherence(stableMask, stableMean) is not { } stableCoherence) return null;
        var backgrounds = new YearBackground[3];
        for (var i = 0; i < 3; i++) backgrounds[i] = YearBackground.Estimate(annualMeans[i], pairCounts[i], stableMask, stableCoherence, window.Looks);
        return new AdaptiveInputs(pairCounts, disturbedCounts, backgrounds, width, window);
    }
}
