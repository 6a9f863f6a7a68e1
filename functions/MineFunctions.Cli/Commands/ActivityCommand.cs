using System.Globalization;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine activity`: one asset's colour counts → active pixels, mined area, t/m² and production per year
/// (METHOD.md §1.5–1.6). Optional published totals are checked against the colour sums (METHOD.md §2).
/// </summary>
internal sealed class ActivityCommand : ICliCommand
{
    public string Name => "activity";
    public string Summary => "Colour counts of one asset → mined area, t/m² and production per year.";

    public string Usage =>
        "mine activity --counts counts.csv --pixel-area-m2 A --years Y1,Y2,Y3 [--production production.csv]\n" +
        "              [--published-totals Y1=N1,Y2=N2,...] --out activity.csv\n" +
        "  counts.csv      header class,pixels (red, green, blue, cyan, magenta, yellow, white, black)\n" +
        "  production.csv  header year,ore_t (tonnes of ore)\n" +
        "  output          header " + AssetProductionCsvWriter.Header;

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var countsPath = args.Required("counts");
        var pixelArea = args.Double("pixel-area-m2", double.NaN);
        var years = ParseYears(args.Many("years"));
        var productionPath = args.Optional("production");
        var published = ParsePublishedTotals(args.Many("published-totals"));
        var outPath = args.Required("out");
        args.RejectUnknown();
        if (double.IsNaN(pixelArea)) throw new UsageException("--pixel-area-m2 is required (m² per pixel, e.g. 100).");
        if (pixelArea <= 0) throw new UsageException($"--pixel-area-m2 must be positive, got {pixelArea.ToString(CultureInfo.InvariantCulture)}.");

        var (counts, countErrors) = CsvInputFile.Read(countsPath, ClassCountsCsvReader.Read);
        var errors = countErrors.ToList();
        IReadOnlyDictionary<int, double> ore = new Dictionary<int, double>();
        if (productionPath is not null)
        {
            var (oreByYear, oreErrors) = CsvInputFile.Read(productionPath, (reader, name) => AssetOreCsvReader.Read(reader, name, years.ToList()));
            errors.AddRange(oreErrors);
            ore = oreByYear;
        }
        CsvInputFile.ThrowIfAny(errors);

        var areas = YearArea.FromCounts(counts!, pixelArea, years);
        var table = AssetProductionTable.Compute(areas, ore);

        foreach (var check in PublishedTotalCheck.Compare(counts!, years, published))
            output.WriteLine(check.IsConsistent ? $"ok: {check.Describe()}" : $"warning: {check.Describe()}");
        if (table.OwnTPerM2 is null && ore.Count > 0)
            output.WriteLine("warning: no reported year has a non-zero area; no t/m² could be derived.");

        var tmp = outPath + ".tmp";
        using (var writer = new StreamWriter(tmp, append: false, new System.Text.UTF8Encoding(false)))
            AssetProductionCsvWriter.Write(table, writer);
        File.Move(tmp, outPath, overwrite: true);

        foreach (var y in table.Years)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{y.Year}: {y.ActivePixels:#,0} px = {y.AreaM2:#,0.##} m²{(y.TPerM2 is { } t ? $", {t:0.000} t/m²" : "")}{(y.Confidence is { } c ? $" ({c.CsvName()})" : "")}"));
        for (var i = 1; i < table.Years.Count; i++)
        {
            var (a, b) = (table.Years[i - 1], table.Years[i]);
            var area = PercentChange.Between(a.AreaM2, b.AreaM2);
            var prod = a.ReportedOreT is { } pa && b.ReportedOreT is { } pb ? PercentChange.Between(pa, pb) : null;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Year}→{b.Year}: area {Signed(area)}, reported production {Signed(prod)}"));
        }
        output.WriteLine($"wrote {outPath}");
        return Task.FromResult(0);
    }

    private static string Signed(double? pct) => pct is { } p ? p.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " %" : "n/a";

    internal static IReadOnlyList<int> ParseYears(IReadOnlyList<string> values)
    {
        var parts = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (parts.Count == 0) throw new UsageException("--years is required (three consecutive years, e.g. 2020,2021,2022).");
        var years = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? y : throw new UsageException($"--years: '{p}' is not a year.")).ToList();
        if (years.Count != 3 || years[1] != years[0] + 1 || years[2] != years[1] + 1)
            throw new UsageException($"--years needs three consecutive years, got {string.Join(",", years)}.");
        return years;
    }

    private static Dictionary<int, long> ParsePublishedTotals(IReadOnlyList<string> values)
    {
        var map = new Dictionary<int, long>();
        foreach (var part in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var kv = part.Split('=');
            if (kv.Length != 2
                || !int.TryParse(kv[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                || !long.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
                || !map.TryAdd(year, total))
                throw new UsageException($"--published-totals takes YEAR=PIXELS pairs separated by commas, got '{part}'.");
        }
        return map;
    }
}
