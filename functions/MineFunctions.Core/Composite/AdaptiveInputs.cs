namespace MineFunctions.Core.Composite;

/// <summary>
/// What the adaptive rule needs of each year of a window beyond its annual mean: per pixel, the accepted
/// pairs that gave it an NDAI (annual/&lt;year&gt;_pairs.tif) and those of them in which it was disturbed
/// (annual/&lt;year&gt;_disturbed.tif), and the year's background (<see cref="YearBackground"/>).
/// </summary>
public sealed record AdaptiveInputs(IReadOnlyList<float[]> PairCounts, IReadOnlyList<float[]> DisturbedCounts, IReadOnlyList<YearBackground> Backgrounds)
{
    public void Validate(int pixels)
    {
        if (PairCounts.Count != 3 || DisturbedCounts.Count != 3 || Backgrounds.Count != 3)
            throw new ArgumentException("The adaptive rule needs pair counts, disturbed counts and a background for each of the three years.");
        if (PairCounts.Concat(DisturbedCounts).Any(c => c.Length != pixels)) throw new ArgumentException("Pair counts, disturbed counts and annual means must have the same number of pixels.");
    }
}
