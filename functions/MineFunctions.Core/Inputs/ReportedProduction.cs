namespace MineFunctions.Core.Inputs;

/// <summary>
/// A reported production figure of one asset and year: tonnes of ore (<see cref="Product"/> = "ore") or
/// of a product (concentrate, cathode, pellets, alumina, …; lower-case word).
/// </summary>
public sealed record ReportedProduction(string AssetId, int Year, string Product, double Tonnes)
{
    public const string Ore = "ore";

    public bool IsOre => Product == Ore;
}
