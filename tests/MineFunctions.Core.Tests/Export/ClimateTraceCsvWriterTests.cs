using System.Globalization;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

public sealed class ClimateTraceCsvWriterTests
{
    private static readonly DateTime Created = new(2023, 11, 1, 0, 0, 0);
    private static readonly DateTime Modified = new(2023, 11, 2, 17, 0, 0);

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Rebuilds the estimate behind a real sources file: its assets, activity and printed EF per year.</summary>
    private static EstimateResult FromRealSources(Commodity sector, Func<string, int, Confidence?>? activityConfidence = null,
        Func<string, int, Confidence?>? factorConfidence = null, Func<string, int, Confidence?>? emissionsConfidence = null)
    {
        var rows = RealClimateTraceFiles.Rows(ClimateTraceFormat.SourcesFileName(sector)).Where(r => r["gas"] == "co2").ToList();
        var estimates = rows.Select(r =>
        {
            var asset = new Asset(r["source_id"], r["source_name"], sector, r["iso3_country"], Num(r["lat"]), Num(r["lon"]), null);
            var year = int.Parse(r["start_time"][..4], CultureInfo.InvariantCulture);
            if (r["activity"] == "") return new AssetYearEstimate(asset, year, null, null, null, null, null);
            var a = new ActivityEstimate(Num(r["activity"]), activityConfidence?.Invoke(asset.Id, year) ?? Confidence.High, 0, ActivityMethod.ReportedOre, year);
            var f = new EmissionFactorEstimate(Num(r["emissions_factor"]), factorConfidence?.Invoke(asset.Id, year) ?? Confidence.Medium, 0, EmissionFactorSource.AssetReport, 1);
            var combined = EmissionsEstimator.Combine(asset, year, a, f);
            return emissionsConfidence?.Invoke(asset.Id, year) is { } c ? combined with { Co2Confidence = c } : combined;
        }).ToList();
        return new EstimateResult([2020, 2021, 2022], estimates, []);
    }

    public static TheoryData<Commodity> Sectors => new() { Commodity.Iron, Commodity.Copper, Commodity.Bauxite };

    [SharedDataTheory("data", "real", RealClimateTraceFiles.Folder)]
    [MemberData(nameof(Sectors))]
    public void Headers_AreByteForByteThoseOfTheRealFiles(Commodity sector)
    {
        var result = FromRealSources(sector);
        var sources = new StringWriter();
        var confidence = new StringWriter();
        ClimateTraceCsvWriter.WriteSources(result, sector, new ClimateTraceExportOptions(Created, Modified), sources);
        ClimateTraceCsvWriter.WriteConfidence(result, sector, new ClimateTraceExportOptions(Created, Modified), confidence);

        Assert.Equal(RealClimateTraceFiles.HeaderLine(ClimateTraceFormat.SourcesFileName(sector)), sources.ToString().Split('\n')[0]);
        Assert.Equal(RealClimateTraceFiles.HeaderLine(ClimateTraceFormat.ConfidenceFileName(sector)), confidence.ToString().Split('\n')[0]);
    }

    [SharedDataTheory("data", "real", RealClimateTraceFiles.Folder)]
    [MemberData(nameof(Sectors))]
    public void RealAssetsWithTheirActivityAndFactor_ReproduceEveryRow_Co2WithinTheFilesRounding(Commodity sector)
    {
        var fileName = ClimateTraceFormat.SourcesFileName(sector);
        var writer = new StringWriter();
        ClimateTraceCsvWriter.WriteSources(FromRealSources(sector), sector, new ClimateTraceExportOptions(Created, Modified), writer);

        var ours = ParseLines(writer.ToString());
        var real = RealClimateTraceFiles.Rows(fileName);
        Assert.Equal(real.Count, ours.Count);
        var byKey = real.ToDictionary(r => (r["source_id"], r["start_time"], r["gas"]));
        foreach (var row in ours)
        {
            var expected = byKey[(row["source_id"], row["start_time"], row["gas"])];
            foreach (var column in expected.Keys.Where(k => k != "emissions_quantity"))
                Assert.True(expected[column] == row[column], $"{row["source_id"]} {row["start_time"]} {row["gas"]} {column}: expected '{expected[column]}', got '{row[column]}'");
            Assert.Equal(expected["emissions_quantity"] == "", row["emissions_quantity"] == "");
            if (expected["emissions_quantity"] == "") continue;
            // The release computed co2 from an unrounded factor and printed it to 4 decimals: allow half a
            // unit of the 4th decimal on the factor, and half a tonne on the quantity.
            var tolerance = Num(expected["activity"]) * 0.00005 + 0.5;
            Assert.InRange(Num(row["emissions_quantity"]), Num(expected["emissions_quantity"]) - tolerance, Num(expected["emissions_quantity"]) + tolerance);
        }
    }

    [SharedDataTheory("data", "real", RealClimateTraceFiles.Folder)]
    [MemberData(nameof(Sectors))]
    public void RealConfidences_ReproduceTheConfidenceFile_LatestYearOnly(Commodity sector)
    {
        var fileName = ClimateTraceFormat.ConfidenceFileName(sector);
        var real = RealClimateTraceFiles.Rows(fileName).ToDictionary(r => r["source_id"]);
        Confidence? Get(string id, string column) => real.TryGetValue(id, out var r) && r[column] != ""
            ? Enum.GetValues<Confidence>().Single(c => c.CsvName() == r[column]) : null;
        var full = FromRealSources(sector, (id, _) => Get(id, "activity"), (id, _) => Get(id, "co2_emissions_factor"), (id, _) => Get(id, "co2_emissions"));
        // The release is not self-consistent: some assets with 2022 activity in the sources file have an
        // empty confidence row (e.g. Pilar, Brucutu). Our writer always rates a value it writes, so compare
        // the assets whose two files agree.
        var consistent = full.Rows.Where(r => r.Year == 2022 && (r.Activity is null) == (Get(r.Asset.Id, "activity") is null)).Select(r => r.Asset.Id).ToHashSet();
        Assert.True(consistent.Count >= real.Count / 2, $"only {consistent.Count} of {real.Count} assets are consistent");
        var result = full with { Rows = full.Rows.Where(r => consistent.Contains(r.Asset.Id)).ToList() };
        var first = real.Values.First();
        var options = new ClimateTraceExportOptions(
            DateTime.ParseExact(first["created_date"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateTime.ParseExact(first["modified_date"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ConfidenceLatestYearOnly: true);
        var writer = new StringWriter();
        ClimateTraceCsvWriter.WriteConfidence(result, sector, options, writer);

        var expectedLines = RealClimateTraceFiles.Text(fileName).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(l => consistent.Contains(l.Split(',')[0])).Order(StringComparer.Ordinal);
        var ourLines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Order(StringComparer.Ordinal);
        Assert.Equal(expectedLines, ourLines);
    }

    [Fact]
    public void EmptyMeansNotModelled_ZeroMeansTrulyZero_AndCo2eRowsRepeatCo2()
    {
        var asset = new Asset("A1", "Closed, Mine", Commodity.Iron, "BRA", -19.958386, -43.905438, null);
        var closed = EmissionsEstimator.Combine(asset, 2021, new ActivityEstimate(0, Confidence.High, 0, ActivityMethod.ReportedOre, 2021), null);
        var unknown = EmissionsEstimator.Combine(asset, 2022, null, null);
        var active = EmissionsEstimator.Combine(asset, 2020, new ActivityEstimate(1_000_000, Confidence.High, 0, ActivityMethod.ReportedOre, 2020),
            new EmissionFactorEstimate(0.02, Confidence.Medium, 0, EmissionFactorSource.AssetReport, 1));
        var writer = new StringWriter();
        ClimateTraceCsvWriter.WriteSources(new EstimateResult([2020, 2021, 2022], [closed, unknown, active], []), Commodity.Iron,
            new ClimateTraceExportOptions(Created, Modified), writer);
        var rows = ParseLines(writer.ToString());

        Assert.Equal(15, rows.Count);
        Assert.Equal(["co2", "ch4", "n2o", "co2e_100yr", "co2e_20yr"], rows.Take(5).Select(r => r["gas"]));
        var y2020 = rows.Where(r => r["start_time"] == "2020-01-01 00:00:00").ToList();
        Assert.Equal(["20000", "", "", "20000", "20000"], y2020.Select(r => r["emissions_quantity"]));
        Assert.Equal(["0.02", "", "", "", ""], y2020.Select(r => r["emissions_factor"]));
        Assert.Equal(["T of CO2 per T of iron extracted", "", "", "", ""], y2020.Select(r => r["emissions_factor_units"]));
        Assert.All(y2020, r => Assert.Equal("1000000", r["activity"]));
        var y2021 = rows.Where(r => r["start_time"] == "2021-01-01 00:00:00").ToList();
        Assert.Equal(["0", "", "", "0", "0"], y2021.Select(r => r["emissions_quantity"]));
        Assert.All(y2021, r => Assert.Equal("0", r["activity"]));
        var y2022 = rows.Where(r => r["start_time"] == "2022-01-01 00:00:00").ToList();
        Assert.All(y2022, r => { Assert.Equal("", r["emissions_quantity"]); Assert.Equal("", r["activity"]); Assert.Equal("", r["emissions_factor"]); });
        Assert.All(rows, r =>
        {
            Assert.Equal("Closed, Mine", r["source_name"]);
            Assert.Equal("trace_-43.905438_-19.958386", r["geometry_ref"]);
            Assert.Equal("N/A", r["capacity_units"]);
            Assert.Equal("2022-12-31 00:00:00".Length, r["end_time"].Length);
        });
        Assert.Contains("\"Closed, Mine\"", writer.ToString());
    }

    private static List<Dictionary<string, string>> ParseLines(string text)
    {
        var csv = new CsvRecordReader(new StringReader(text));
        var header = csv.Next(out _)!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Next(out _) is { } fields) rows.Add(header.Select((h, i) => (h, fields[i])).ToDictionary(x => x.h, x => x.Item2));
        return rows;
    }
}
