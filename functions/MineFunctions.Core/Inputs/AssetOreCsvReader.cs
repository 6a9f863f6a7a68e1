namespace MineFunctions.Core.Inputs;

/// <summary>
/// Reads the reported ore production of one asset, header `year,ore_t` (tonnes of ore, invariant
/// culture). Each year at most once. Used by `mine activity`; the multi-asset file is
/// <see cref="ProductionCsvReader"/>.
/// </summary>
public static class AssetOreCsvReader
{
    private sealed record Row(int Year, double OreT);

    /// <param name="windowYears">When given, a year outside it is a row error (it could never be used).</param>
    public static (IReadOnlyDictionary<int, double> OreByYear, IReadOnlyList<InputError> Errors) Read(TextReader reader, string fileName, IReadOnlyCollection<int>? windowYears = null)
    {
        var parsed = CsvTable.Read(reader, fileName, ["year", "ore_t"], [], row =>
        {
            var year = row.Integer("year", true, 1900, 2200);
            var ore = row.Number("ore_t", true, min: 0);
            return year is null || ore is null ? null : new Row(year.Value, ore.Value);
        });
        var errors = parsed.Errors.ToList();
        var byYear = new Dictionary<int, double>();
        foreach (var r in parsed.Rows)
        {
            if (windowYears is not null && !windowYears.Contains(r.Value.Year))
                errors.Add(new InputError(fileName, r.Line, $"Year {r.Value.Year} is not a year of the window ({string.Join(",", windowYears)})."));
            else if (!byYear.TryAdd(r.Value.Year, r.Value.OreT))
                errors.Add(new InputError(fileName, r.Line, $"Year {r.Value.Year} appears more than once."));
        }
        return (byYear, errors);
    }
}
