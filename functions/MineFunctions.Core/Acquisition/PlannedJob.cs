namespace MineFunctions.Core.Acquisition;

/// <summary>
/// One HyP3 job to order for an asset: its name (asset and pair: how a restart finds it instead
/// of ordering again), type, looks, granules and cost. Single-burst and GAMMA jobs send
/// <c>granules = [reference, secondary]</c>; multi-burst jobs send the two lists.
/// </summary>
public sealed record PlannedJob(
    string Name,
    string JobType,
    string Looks,
    IReadOnlyList<string> Reference,
    IReadOnlyList<string> Secondary,
    double Cost,
    DateOnly ReferenceDate,
    DateOnly SecondaryDate,
    string PairKey,
    double? PerpendicularBaselineM);
