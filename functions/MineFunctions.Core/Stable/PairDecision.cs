namespace MineFunctions.Core.Stable;

/// <summary>
/// Why one pair was kept or rejected (METHOD.md §1.3), with its numbers. <see cref="StableMean"/> is
/// the ρ̄_stable of the NDAI (§1.4); it and <see cref="StableStd"/> are NaN when no stable pixel had data.
/// </summary>
public sealed record PairDecision(
    bool Accepted,
    string Reason,
    double StableMean,
    double StableStd,
    long StablePixelCount,
    long ValidPixelCount);
