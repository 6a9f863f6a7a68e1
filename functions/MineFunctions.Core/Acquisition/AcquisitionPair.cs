using System.Globalization;

namespace MineFunctions.Core.Acquisition;

/// <summary>
/// Two acquisitions of one stack to be turned into a coherence product. <see cref="Key"/> names
/// the pair in job names and blob names: stack, both dates and polarisation.
/// </summary>
public sealed record AcquisitionPair(SceneAcquisition Reference, SceneAcquisition Secondary, string Polarisation)
{
    public int TemporalBaselineDays => Secondary.Date.DayNumber - Reference.Date.DayNumber;

    /// <summary>Secondary minus reference Bperp (both relative to the stack reference); null when either is unknown.</summary>
    public double? PerpendicularBaselineM =>
        Reference.PerpendicularBaselineM is { } r && Secondary.PerpendicularBaselineM is { } s ? s - r : null;

    public string Key => $"{Reference.StackId}_{Reference.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}_{Secondary.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}_{Polarisation.ToUpperInvariant()}";
}

/// <summary>Something the pairing left out, and why (nothing is dropped silently).</summary>
public sealed record PairingSkip(string Subject, string Reason);

/// <summary>The pairs to order and everything left out.</summary>
public sealed record PairingPlan(IReadOnlyList<AcquisitionPair> Pairs, IReadOnlyList<PairingSkip> Skipped);
