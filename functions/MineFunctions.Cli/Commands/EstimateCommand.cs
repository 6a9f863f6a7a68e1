using System.Globalization;
using System.Text;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine estimate`: asset registry + reported production (+ emissions reports, InSAR areas, conversion
/// factors) → Climate TRACE asset files per sector and estimate.json (METHOD.md §1.6–1.8). All input
/// errors of all files are reported together and nothing is written when there is any.
/// </summary>
internal sealed class EstimateCommand : ICliCommand
{
    public string Name => "estimate";
    public string Summary => "Assets + production (+ reports, areas) → Climate TRACE emissions CSVs and JSON.";

    public string Usage =>
        "mine estimate --assets assets.csv --production production.csv [--emissions-reports reports.csv]\n" +
        "              [--activity areas.csv] [--conversion-factors factors.csv] [--regions regions.csv]\n" +
        "              [--years 2020,2021,2022] [--created-date D] [--modified-date D] [--confidence-latest-year-only]\n" +
        "              --out DIR\n" +
        "  assets.csv      asset_id,name,commodity,iso3,lat,lon[,polygon_ref]\n" +
        "  production.csv  asset_id,year,product,tonnes   (product: ore, concentrate, cathode, pellets, alumina, ...)\n" +
        "  reports.csv     scope,subject_id,year,co2e_t,ore_t[,asset_ids]   (scope asset|company; asset_ids a;b;c)\n" +
        "  areas.csv       asset_id,year,area_m2   (InSAR mined area)\n" +
        "  factors.csv     commodity,product,iso3,ore_t_per_product_t[,source]\n" +
        "  regions.csv     iso3,region[,region_code]   (default: embedded UN M49 table)\n" +
        "  dates           'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-dd' (default: now, UTC)";

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var assetsPath = args.Required("assets");
        var productionPath = args.Required("production");
        var reportsPath = args.Optional("emissions-reports");
        var areasPath = args.Optional("activity");
        var factorsPath = args.Optional("conversion-factors");
        var regionsPath = args.Optional("regions");
        var yearsText = args.Many("years");
        var created = ParseDate(args.Optional("created-date"), "created-date");
        var modified = ParseDate(args.Optional("modified-date"), "modified-date");
        var latestOnly = args.Has("confidence-latest-year-only");
        var outDir = args.Required("out");
        args.RejectUnknown();
        var years = ParseYears(yearsText);

        var errors = new List<InputError>();
        var regions = CountryRegions.Default;
        if (regionsPath is not null)
        {
            var (custom, regionErrors) = CsvInputFile.Read(regionsPath, CountryRegions.Read);
            errors.AddRange(regionErrors);
            regions = custom ?? regions;
        }
        var assets = CsvInputFile.Read(assetsPath, AssetRegistryCsvReader.Read);
        var production = CsvInputFile.Read(productionPath, ProductionCsvReader.Read);
        var reports = reportsPath is null ? null : CsvInputFile.Read(reportsPath, EmissionsReportCsvReader.Read);
        var areas = areasPath is null ? null : CsvInputFile.Read(areasPath, MinedAreaCsvReader.Read);
        var factors = factorsPath is null ? null : CsvInputFile.Read(factorsPath, ConversionFactorCsvReader.Read);
        var (inputs, inputErrors) = EstimateInputsBuilder.Build(assets, production, factors, reports, areas, regions, years);
        errors.AddRange(inputErrors);
        CsvInputFile.ThrowIfAny(errors);

        var result = EmissionsEstimator.Estimate(inputs!);
        var now = DateTime.UtcNow;
        var stamp = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
        var options = new ClimateTraceExportOptions(created ?? stamp, modified ?? created ?? stamp, latestOnly);

        Directory.CreateDirectory(outDir);
        foreach (var sector in ClimateTraceCsvWriter.Sectors(result))
        {
            WriteAtomically(Path.Combine(outDir, ClimateTraceFormat.SourcesFileName(sector)), w => ClimateTraceCsvWriter.WriteSources(result, sector, options, w));
            WriteAtomically(Path.Combine(outDir, ClimateTraceFormat.ConfidenceFileName(sector)), w => ClimateTraceCsvWriter.WriteConfidence(result, sector, options, w));
            output.WriteLine($"wrote {ClimateTraceFormat.SourcesFileName(sector)} and {ClimateTraceFormat.ConfidenceFileName(sector)}");
        }
        WriteAtomically(Path.Combine(outDir, "estimate.json"), w => w.Write(EstimateJson.Serialize(result)));
        output.WriteLine("wrote estimate.json");
        foreach (var warning in result.Warnings) output.WriteLine($"warning: {warning}");
        var total = result.Rows.Sum(r => r.Co2T ?? 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Select(r => r.Asset.Id).Distinct().Count()} assets × {result.Years.Count} years; {result.Rows.Count(r => r.Co2T is not null)} asset-years with emissions; total {total:#,0} t CO2."));
        return Task.FromResult(0);
    }

    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var tmp = path + ".tmp";
        using (var writer = new StreamWriter(tmp, append: false, new UTF8Encoding(false))) write(writer);
        File.Move(tmp, path, overwrite: true);
    }

    private static IReadOnlyList<int>? ParseYears(IReadOnlyList<string> values)
    {
        var parts = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (parts.Count == 0) return null;
        return parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200
            ? y : throw new UsageException($"--years: '{p}' is not a year.")).ToList();
    }

    private static DateTime? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        return DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw new UsageException($"--{option} must be 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-dd', got '{text}'.");
    }
}
