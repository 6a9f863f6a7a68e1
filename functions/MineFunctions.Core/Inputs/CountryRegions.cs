namespace MineFunctions.Core.Inputs;

/// <summary>
/// ISO3 → region used for the regional pools (METHOD.md §1.6–1.7). The shipped default
/// (Inputs/Data/country-regions.csv, embedded; columns iso3, region_code, region) assigns every
/// ISO 3166-1 alpha-3 code, plus XKX (Kosovo, as Climate TRACE codes it), to the finest geographic
/// grouping of the UN Statistics Division's M49 standard ("Standard country or area codes for
/// statistical use"): the intermediate region where M49 has one (BRA → 005 South America, ZAF → 018
/// Southern Africa), else the sub-region (EGY → 015 Northern Africa, CHN → 030 Eastern Asia);
/// Antarctica is its own region (010). These 22 regions are fine enough for mining practice to be
/// similar and coarse enough to hold several reporting mines. A user table, header
/// `iso3,region[,region_code]`, may replace it.
/// </summary>
public sealed class CountryRegions
{
    private const string ResourceName = "MineFunctions.Core.Inputs.country-regions.csv";
    private readonly IReadOnlyDictionary<string, string> _regionByIso3;

    private CountryRegions(IReadOnlyDictionary<string, string> regionByIso3) => _regionByIso3 = regionByIso3;

    public int Count => _regionByIso3.Count;

    public static CountryRegions Default { get; } = LoadDefault();

    /// <summary>The region of a country, or null when the table does not know it.</summary>
    public string? RegionOf(string iso3) => _regionByIso3.TryGetValue(iso3, out var r) ? r : null;

    public static (CountryRegions? Regions, IReadOnlyList<InputError> Errors) Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, ["iso3", "region"], ["region_code"], row =>
        {
            var iso3 = FieldRules.Iso3(row);
            var region = row.RequiredText("region");
            return iso3 is null || region is null ? null : new Entry(iso3, region);
        });
        var errors = parsed.Errors.Concat(FieldRules.Duplicates(parsed, e => e.Iso3, k => $"Country '{k}'")).ToList();
        if (errors.Count > 0) return (null, errors);
        return (new CountryRegions(parsed.Rows.ToDictionary(r => r.Value.Iso3, r => r.Value.Region, StringComparer.Ordinal)), errors);
    }

    private sealed record Entry(string Iso3, string Region);

    private static CountryRegions LoadDefault()
    {
        using var stream = typeof(CountryRegions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (regions, errors) = Read(reader, ResourceName);
        return regions ?? throw new InvalidOperationException("The embedded country table is invalid: " + string.Join("; ", errors));
    }
}
