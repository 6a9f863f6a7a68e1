namespace MineFunctions.Cli.Demo;

/// <summary>
/// One simulated mine of the demo: where it is (a real mining district, so the export looks like a
/// real asset file), its UTM zone for the raster grid, and what it reports.
/// </summary>
/// <param name="ReportedYears">Years with reported ore production (the rest are estimated from t/m²).</param>
/// <param name="ReportsEmissions">Whether it reports emissions for its first reported year (asset-specific EF).</param>
internal sealed record DemoMine(
    string AssetId, string Name, string Commodity, string Iso3, double Lat, double Lon, int UtmEpsg,
    ulong Seed, IReadOnlyList<int> ReportedYears, bool ReportsEmissions)
{
    /// <summary>
    /// The demo's mines: an iron mine with reports (its own t/m² and emission factor), a second iron
    /// mine in the same country with no reports (pooled t/m², national EF), and a copper mine.
    /// </summary>
    public static IReadOnlyList<DemoMine> Defaults { get; } =
    [
        new("demo-iron-a", "Demo Iron A", "iron", "BRA", -19.788335, -43.182768, 32723, 11, [2020, 2021], true),
        new("demo-iron-b", "Demo Iron B", "iron", "BRA", -20.118, -43.901, 32723, 23, [], false),
        new("demo-copper-c", "Demo Copper C", "copper", "CHL", -24.27, -69.07, 32719, 37, [2021], true),
    ];
}
