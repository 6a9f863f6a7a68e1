namespace MineFunctions.Core.Inputs;

/// <summary>InSAR-measured mined area of one asset and year (m²), from the colour counts (METHOD.md §1.5).</summary>
public sealed record MinedArea(string AssetId, int Year, double AreaM2);
