namespace MineFunctions.Core.Inputs;

/// <summary>InSAR-measured mined area of one asset and year (m²), from the colour counts (METHOD.md §1.5).</summary>
/// <param name="UncertaintyM2">± of the area from the classification (METHOD.md §3); null = not known (e.g. an area from a CSV).</param>
public sealed record MinedArea(string AssetId, int Year, double AreaM2, double? UncertaintyM2 = null);
