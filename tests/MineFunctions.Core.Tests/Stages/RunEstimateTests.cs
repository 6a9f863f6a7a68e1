using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Stages;

/// <summary>The run-level estimate stage: which assets are left out, and why.</summary>
public sealed class RunEstimateTests
{
    [Fact]
    public void OwnRows_TurnsAnotherAssetsRowsIntoErrors()
    {
        var parsed = new ParseResult<ReportedProduction>("mine-a/production.csv",
            [new(new ReportedProduction("mine-a", 2020, "ore", 10), 2), new(new ReportedProduction("mine-b", 2020, "ore", 20), 3)], []);

        var own = RunEstimate.OwnRows(parsed, "mine-a", p => p.AssetId);

        Assert.Equal("mine-a", Assert.Single(own.Rows).Value.AssetId);
        var error = Assert.Single(own.Errors);
        Assert.Equal(("mine-a/production.csv", 3), (error.File, error.Line));
        Assert.Contains("'mine-b' is not this folder's asset 'mine-a'", error.Message);
    }

    [Fact]
    public void Compute_LeavesOutUnreadableAndInvalidAssets_WithTheirReasons_InAssetOrder()
    {
        var good = new EstimateSources();
        good.Assets.Add(new Asset("mine-a", "Mine A", Commodity.Iron, "BRA", -20, -44, null), 1);
        good.Areas.Add(new MinedArea("mine-a", 2020, 5_000, null), 2020);
        good.YearAreas.Add(("mine-a", new global::MineFunctions.Core.Activity.YearArea(2020, 50, 5_000)));
        var bad = new EstimateSources();
        bad.Production.AddAll(new ParseResult<ReportedProduction>("production.csv", [], [new InputError("production.csv", 4, "tonnes is not a number")]));
        var sources = new Dictionary<string, EstimateSources> { ["mine-z"] = new("asset.json: not valid JSON"), ["mine-b"] = bad, ["mine-a"] = good };

        var result = RunEstimate.Compute(sources);

        Assert.Equal(
            ["mine-b: left out of the estimate: production.csv:4: tonnes is not a number", "mine-z: left out of the estimate: asset.json: not valid JSON"],
            result.Warnings.Take(2));
        var row = Assert.Single(result.Rows);
        Assert.Equal(("mine-a", 2020, 5_000.0), (row.Estimate.Asset.Id, row.Estimate.Year, row.Area!.AreaM2));
        Assert.Equal(("mine-a", "activity.csv"), (Assert.Single(result.AssetFiles).AssetId, result.AssetFiles[0].File.FileName));
        Assert.Equal(["estimate.json", "left-out.csv"], result.RunFiles.TakeLast(2).Select(f => f.FileName));
        Assert.Equal(["asset_id,reason", "mine-b,production.csv:4: tonnes is not a number", "mine-z,asset.json: not valid JSON", ""],
            result.RunFiles[^1].Text.Split('\n'));
    }

    [Fact]
    public void Compute_WithNoAssetLeft_ExportsOnlyWhatItLeftOut()
    {
        // Every asset failed: no rows and no Climate TRACE CSV, but the export says which assets it left out and why.
        var result = RunEstimate.Compute(new Dictionary<string, EstimateSources> { ["mine-z"] = new("unreadable") });

        Assert.Empty(result.Rows);
        Assert.Empty(result.AssetFiles);
        Assert.Equal(["estimate.json", "left-out.csv"], result.RunFiles.Select(f => f.FileName));
        Assert.Equal("asset_id,reason\nmine-z,unreadable\n", result.RunFiles[1].Text);
        Assert.Contains("\"mine-z\"", result.RunFiles[0].Text);
        Assert.Equal(["mine-z: left out of the estimate: unreadable"], result.Warnings);
    }

    [Fact]
    public void Compute_WithAssetsButNoYearToEstimate_ExportsNoRows_InsteadOfFailing()
    {
        // An asset whose run failed before any area (e.g. fewer than three years) and that reports nothing.
        var noData = new EstimateSources();
        noData.Assets.Add(new Asset("mine-a", "Mine A", Commodity.Copper, "CHL", -24, -69, null), 1);

        var result = RunEstimate.Compute(new Dictionary<string, EstimateSources> { ["mine-a"] = noData });

        Assert.Empty(result.Rows);
        Assert.Equal(["estimate.json", "left-out.csv"], result.RunFiles.Select(f => f.FileName));
        Assert.Equal("asset_id,reason\n", result.RunFiles[1].Text);
    }

    [Fact]
    public void Compute_CarriesTheClassificationsAreaUncertainty_IntoTheConfidenceCsvAndEstimateJson()
    {
        // Ore 3e6 t on 1e6 m² (2020) and 8e6 t on 2e6 m² (2021): the asset's own t/m² is 3.5 (METHOD.md §1.6).
        // 2022 and 2023 are measured only: 1e6 m² ± 3e5 (30 %, over the quarter: low) and 1e6 m² ± 1e5
        // (10 %: medium, as an InSAR activity without a ±) (METHOD.md §3.3). The asset reports its own
        // emissions in 2022 and 2023 (a medium factor, §1.7), so the CO2 columns take the lower of the two.
        var sources = new EstimateSources();
        sources.Assets.Add(new Asset("mine-a", "Mine A", Commodity.Iron, "BRA", -20, -44, null), 1);
        sources.Production.Add(new ReportedProduction("mine-a", 2020, ReportedProduction.Ore, 3e6), 2);
        sources.Production.Add(new ReportedProduction("mine-a", 2021, ReportedProduction.Ore, 8e6), 3);
        sources.Areas.Add(new MinedArea("mine-a", 2020, 1e6), 2020);
        sources.Areas.Add(new MinedArea("mine-a", 2021, 2e6), 2021);
        sources.Areas.Add(new MinedArea("mine-a", 2022, 1e6, 3e5), 2022);
        sources.Areas.Add(new MinedArea("mine-a", 2023, 1e6, 1e5), 2023);
        sources.Emissions.Add(new EmissionsReport(ReportScope.Asset, "mine-a", 2022, 1e5, 4e6, ["mine-a"]), 2);
        sources.Emissions.Add(new EmissionsReport(ReportScope.Asset, "mine-a", 2023, 1e5, 4e6, ["mine-a"]), 3);

        var result = RunEstimate.Compute(new Dictionary<string, EstimateSources> { ["mine-a"] = sources });

        var confidence = result.RunFiles.Single(f => f.FileName == ClimateTraceFormat.ConfidenceFileName(Commodity.Iron)).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = confidence[0].ToList();
        string Cell(int year, string column) =>
            confidence.Single(r => r[header.IndexOf("start_time")] == $"{year}-01-01 00:00:00")[header.IndexOf(column)];
        Assert.Equal(("low", "low", "low"), (Cell(2022, "activity"), Cell(2022, "co2_emissions"), Cell(2022, "total_co2e_100yrgwp")));
        Assert.Equal(("medium", "medium"), (Cell(2023, "activity"), Cell(2023, "co2_emissions")));

        // estimate.json keeps the area and its ± beside the ore's uncertainty: for 2022
        // sqrt(A² σF² + F² σA² + σA² σF²) = sqrt(1e12 × 0.5 + 12.25 × 9e10 + 9e10 × 0.5) = sqrt(1.6475e12).
        var activity = EstimateJson.Deserialize(result.RunFiles.Single(f => f.FileName == "estimate.json").Text)!
            .Assets.Single().Years.Single(y => y.Year == 2022).Activity!;
        Assert.Equal((1e6, 3e5), (activity.AreaM2, activity.AreaUncertaintyM2));
        Assert.Equal(Math.Sqrt(1.6475e12), activity.UncertaintyT!.Value, 3);
        Assert.Equal(3e5, result.Rows.Single(r => r.Estimate.Year == 2022).Area!.UncertaintyM2);
    }
}
