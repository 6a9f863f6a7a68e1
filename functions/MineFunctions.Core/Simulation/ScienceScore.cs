using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Simulation;

/// <summary>One year of a scored scene: true and counted active pixels inside the mine, and the counted ones' uncertain share.</summary>
/// <param name="Uncertain">Pixels whose decision the adaptive rule could not make with confidence (null for the fixed rules).</param>
public sealed record YearScore(int Year, int AcceptedPairs, long TrueActive, long CountedActive, long? Uncertain)
{
    /// <summary>(counted − true) / true; 0 when both are 0, +∞ when only the truth is 0.</summary>
    public double AreaError => TrueActive == 0 ? (CountedActive == 0 ? 0 : double.PositiveInfinity) : (CountedActive - TrueActive) / (double)TrueActive;
}

/// <summary>
/// A scene classified and scored against its truth (METHOD.md §3): pixel accuracy inside the mine,
/// the yearly area error, and the pair screening against the weather truth.
/// </summary>
public sealed record ScienceScore(
    long MinePixels, long CorrectPixels, IReadOnlyList<YearScore> Years, ClassCounts Counts,
    int WeatherPairs, int WeatherAccepted, int CleanPairs, int CleanRejected)
{
    public double Accuracy => MinePixels == 0 ? 0 : CorrectPixels / (double)MinePixels;

    /// <summary>Largest |area error| over the years.</summary>
    public double WorstAreaError => Years.Max(y => Math.Abs(y.AreaError));
}
