namespace MineFunctions.Core.Acquisition;

/// <summary>
/// How acquisitions become pairs (METHOD.md §1.1). <see cref="TemporalBaselinesDays"/> is in order
/// of preference: each acquisition pairs with the next one 12 days later, and with the one 24 days
/// later only when the 12-day partner is missing or unusable (|Bperp| over the limit).
/// </summary>
public sealed record AcquisitionPairingRules
{
    public IReadOnlyList<int> TemporalBaselinesDays { get; init; } = [12, 24];

    public double MaxPerpendicularBaselineM { get; init; } = 250;

    public string Polarisation { get; init; } = "VV";

    public void Validate()
    {
        if (TemporalBaselinesDays.Count == 0 || TemporalBaselinesDays.Any(d => d <= 0))
            throw new ArgumentException("Temporal baselines must be a non-empty list of positive day counts.");
        if (!(MaxPerpendicularBaselineM > 0) || !double.IsFinite(MaxPerpendicularBaselineM))
            throw new ArgumentException($"The maximum perpendicular baseline must be a positive number of metres, got {MaxPerpendicularBaselineM}.");
        if (Polarisation is not ("VV" or "VH" or "HH" or "HV"))
            throw new ArgumentException($"Polarisation must be VV, VH, HH or HV, got '{Polarisation}'.");
    }
}
