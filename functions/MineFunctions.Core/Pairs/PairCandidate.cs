namespace MineFunctions.Core.Pairs;

/// <summary>
/// One interferometric pair as described by its name, tags or a catalogue (METHOD.md §1.1).
/// Track, direction and polarisation are null when the source does not say; <see cref="BaselineSource"/>
/// names where <see cref="PerpendicularBaselineM"/> came from (null when it is unknown).
/// </summary>
public sealed record PairCandidate(
    string PairId,
    DateOnly Reference,
    DateOnly Secondary,
    double? PerpendicularBaselineM = null,
    string? Track = null,
    string? Direction = null,
    string? Polarisation = null,
    string? BaselineSource = null)
{
    /// <summary>Temporal baseline in days (secondary − reference).</summary>
    public int TemporalBaselineDays => Secondary.DayNumber - Reference.DayNumber;

    /// <summary>The date halfway between the two acquisitions (rounded down).</summary>
    public DateOnly MidDate => DateOnly.FromDayNumber(Reference.DayNumber + (TemporalBaselineDays / 2));
}
