using System.Text.RegularExpressions;
using MineFunctions.Cli.Demo;
using MineFunctions.Core.Export;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// No asset disappears silently: an asset whose inputs do not parse fails with its file:line reasons
/// in `mine run`'s summary and the Runs table (what `mine status` and GET /api/runs/{id} read), and
/// the export lists it as left out (estimate.json's left_out, left-out.csv).
/// </summary>
public sealed class NoAssetVanishesTests
{
    private const string BadProduction = "asset_id,year,product,tonnes\nbad-production,2020,ore,100\nbad-production,2021,ore,NaN\n";
    private const string NaNReason = "bad-production/production.csv:3: 'tonnes' must be a number (invariant culture, '.' decimal point), got 'NaN'.";
    private const string GoldReason = "gold-mine/asset.json:3: \"commodity\" is 'gold'; allowed: iron, copper, bauxite.";

    [Fact]
    public async Task ABadProductionCsv_AndCommodityGold_NextToAGoodAsset_AreListedWithTheirFileLineReasons()
    {
        var input = Directory.CreateTempSubdirectory("vanish-input").FullName;
        var output = Directory.CreateTempSubdirectory("vanish-output").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        CopyAsset(input, "bad-production", production: BadProduction);
        CopyAsset(input, "gold-mine", commodity: "gold");
        var ns = "v" + Guid.NewGuid().ToString("N")[..10];

        var (code, log) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", ns);

        Assert.True(code == 1, log);
        Assert.Matches(@"demo-iron-a\s+succeeded", log);
        Assert.Matches(@"bad-production\s+failed\s.*" + Regex.Escape(NaNReason), log);
        Assert.Matches(@"gold-mine\s+failed\s.*" + Regex.Escape(GoldReason), log);
        Assert.Contains("left out of the estimate and the export: bad-production: " + NaNReason, log);
        Assert.Contains("left out of the estimate and the export: gold-mine: " + GoldReason, log);

        // The export: the good asset's rows, and the two others named as left out, with their reasons.
        var doc = EstimateJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(output, "estimate.json")))!;
        Assert.Equal(["demo-iron-a"], doc.Assets.Select(a => a.SourceId));
        Assert.Equal([new LeftOutAsset("bad-production", NaNReason), new LeftOutAsset("gold-mine", GoldReason)], doc.LeftOut);
        var leftOutCsv = await File.ReadAllLinesAsync(Path.Combine(output, LeftOutCsv.FileName));
        Assert.Equal("asset_id,reason", leftOutCsv[0]);
        Assert.Equal(3, leftOutCsv.Length);
        Assert.StartsWith("bad-production,", leftOutCsv[1]);
        Assert.StartsWith("gold-mine,", leftOutCsv[2]);
        var sources = await File.ReadAllTextAsync(Path.Combine(output, "iron-mining_emissions-sources.csv"));
        Assert.Contains("demo-iron-a", sources);
        Assert.DoesNotContain("bad-production", sources);

        // `mine status RUN` names the failed assets with their reasons, as GET /api/runs/{id} does (RunStatus.FailedAssets).
        var runId = Regex.Match(log, @"Run id (run-[0-9a-f]+)\.").Groups[1].Value;
        var (statusCode, status) = await MineProcess.RunAsync("status", runId, "--assets", "--failed", "--namespace", ns);
        Assert.True(statusCode == 0, status);
        Assert.Contains("Result:    3 asset(s): 1 succeeded, 2 failed", status);
        Assert.Contains(NaNReason, status);
        Assert.Contains(GoldReason, status);
        // Without --assets too: the run's failed assets follow its counts.
        var (oneCode, one) = await MineProcess.RunAsync("status", runId, "--namespace", ns);
        Assert.True(oneCode == 0, one);
        Assert.True(Regex.IsMatch(one.ReplaceLineEndings("\n"), @"Failed assets:\n\s+bad-production\s+failed\s.*" + Regex.Escape(NaNReason) + @".*\n\s+gold-mine\s+failed\s.*" + Regex.Escape(GoldReason)), one);
    }

    [Fact]
    public async Task ABadProductionCsv_AsTheOnlyAsset_EndsWithItsReason_NeverAnEmptyOne()
    {
        var demo = Directory.CreateTempSubdirectory("vanish-demo").FullName;
        var input = Directory.CreateTempSubdirectory("vanish-one").FullName;
        var output = Directory.CreateTempSubdirectory("vanish-one-out").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(demo, TextWriter.Null, CancellationToken.None);
        CopyAsset(demo, "bad-production", production: BadProduction);
        Directory.Move(Path.Combine(demo, "bad-production"), Path.Combine(input, "bad-production"));

        var (code, log) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", "o" + Guid.NewGuid().ToString("N")[..10]);

        Assert.True(code == 1, log);
        Assert.DoesNotContain("ended Failed", log);
        Assert.Matches(@"bad-production\s+failed\s.*" + Regex.Escape(NaNReason), log);
        var doc = EstimateJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(output, "estimate.json")))!;
        Assert.Empty(doc.Assets);
        Assert.Equal([new LeftOutAsset("bad-production", NaNReason)], doc.LeftOut);
    }

    /// <summary>A second asset made of the demo asset's manifest and polygon (no pairs: it must fail before they matter).</summary>
    private static void CopyAsset(string input, string id, string? production = null, string? commodity = null)
    {
        var source = Path.Combine(input, "demo-iron-a");
        var target = Directory.CreateDirectory(Path.Combine(input, id)).FullName;
        File.Copy(Path.Combine(source, "polygon.geojson"), Path.Combine(target, "polygon.geojson"));
        var manifest = File.ReadAllText(Path.Combine(source, "asset.json"));
        if (commodity is not null) manifest = manifest.Replace("\"iron\"", $"\"{commodity}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, "asset.json"), manifest);
        if (production is not null) File.WriteAllText(Path.Combine(target, "production.csv"), production);
    }
}
