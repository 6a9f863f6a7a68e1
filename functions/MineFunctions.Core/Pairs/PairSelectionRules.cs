namespace MineFunctions.Core.Pairs;

/// <summary>Pair selection thresholds (METHOD.md §1.1). Defaults: 12 or 24 days, |Bperp| ≤ 250 m, VV.</summary>
public sealed record PairSelectionRules
{
    public IReadOnlyList<int> TemporalBaselinesDays { get; init; } = [12, 24];

    public double MaxPerpendicularBaselineM { get; init; } = 250;

    /// <summary>Required polarisation when the pair states one; null accepts any.</summary>
    public string? Polarisation { get; init; } = "VV";
}

/// <summary>The verdict on one candidate: selected or not, why, and whether its Bperp was unknown.</summary>
public sealed record PairSelection(PairCandidate Pair, bool Selected, string Reason, bool BaselineUnknown);
