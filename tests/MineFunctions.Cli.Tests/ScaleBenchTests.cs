using System.Text.Json;

namespace MineFunctions.Cli.Tests;

/// <summary>
/// `mine bench scale` at CI size: two tiny assets end to end on the local engine over Azurite, then
/// directly on files. Only the report's plumbing is checked (the last line is JSON, its counts are
/// the run's, its rates follow from its times); the times themselves mean nothing at this size.
/// </summary>
public sealed class ScaleBenchTests
{
    [Fact]
    public async Task BenchScale_RunsEveryAsset_AndItsJsonLineCountsWhatRan()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "2", "--pairs-per-year", "2", "--size", "32", "--warm-up", "2");
        Assert.True(code == 0, error + output);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("end to end", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("direct", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        int Int(string key) => root.GetProperty(key).GetInt32();
        double Number(string key) => root.GetProperty(key).GetDouble();

        // Acquisitions 182 days apart over 3 × 365 days: days 0, 182, …, 1092, so 6 pairs an asset, two in each year.
        Assert.Equal((2, 6, 32, 2, 0, 12), (Int("assets"), Int("pairs_per_asset"), Int("size"), Int("succeeded"), Int("failed"), Int("pairs")));
        // Per asset one call (AssetCallActivity: 6 pairs × 32² px = 6,144 px, within the default AssetCallPixels of 2^20);
        // per run: the asset list, its one chunk, the estimate.
        Assert.Equal((2 * 1) + 3, Int("activity_calls"));
        var wall = Number("wall_s");
        Assert.True(wall > 0 && Number("direct_s") > 0);
        Assert.Equal(2 / wall * 60, Number("assets_per_min"), 0.01 + (0.001 * Number("assets_per_min")));
        Assert.Equal(12 / wall, Number("pairs_per_s"), 0.01 + (0.001 * Number("pairs_per_s")));
        // wall_s and direct_s are printed to 1 ms: the ratio recomputed from them carries that rounding (a direct run
        // of ~0.1 s makes it ~0.5 %), on top of the ratio's own rounding to 3 decimals.
        var direct = Number("direct_s");
        Assert.Equal(wall / direct, Number("ratio"), 0.001 + (Number("ratio") * ((0.0005 / direct) + (0.0005 / wall))));
        Assert.InRange(Number("orchestration_share"), 0, 1);
        Assert.True(Number("activity_s") > 0);
        // Processor time, counted over each path alone: the bench starts its own Azurite, so its share is measured too.
        Assert.True(Number("cpu_s") > 0 && Number("direct_cpu_s") > 0 && Number("azurite_cpu_s") > 0);
        Assert.True(Number("allocated_mb") > 0 && Number("direct_allocated_mb") > 0);
        Assert.Contains(lines, l => l.StartsWith("processor  end to end: mine ", StringComparison.Ordinal) && l.Contains(", Azurite ", StringComparison.Ordinal));
        // Both paths ran the 2 warm-up assets first, and only the 2 assets above were timed and counted (their inputs were
        // deleted before the timed run, which lists the whole input container: otherwise it would have counted 4).
        Assert.True(root.GetProperty("warm_up").GetBoolean());
        Assert.Equal(2, Int("warm_up_assets"));
        Assert.True(Number("warm_up_s") > 0 && Number("warm_up_direct_s") > 0);
        Assert.Contains(lines, l => l.StartsWith("warm-up    2 assets before the timed runs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchScaleKeepMask_SecondRefreshComputesTheNewPairOnly()
    {
        // A stage a call (--asset-call-pixels 0) and one NDAI pair a call (--ndai-batch-pixels 0), so that the calls count
        // the pairs computed; one annual mean a year too.
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "2", "--pairs-per-year", "3", "--size", "32", "--keep-mask", "--no-direct",
            "--ndai-batch-pixels", "0", "--asset-call-pixels", "0");
        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        var root = json.RootElement;
        int Int(string key) => root.GetProperty(key).GetInt32();
        double Number(string key) => root.GetProperty(key).GetDouble();

        // Acquisitions 121 days apart: 9 pairs an asset, three a year; the first run has 8 (the last held back).
        Assert.Equal((2, 16, 0, 0), (Int("assets"), Int("pairs"), Int("failed"), Int("incremental_failed")));
        // The default warm-up, one asset, and none of its calls counted below.
        Assert.Equal(1, Int("warm_up_assets"));
        // First run per asset: discover, stable, 8 NDAI, commit, 3 annual, 1 composite, areas, Runs row = 17; per run 3.
        Assert.Equal((2 * 17) + 3, Int("activity_calls"));
        // Second: the same but 1 NDAI (the new pair; the stable mask is unchanged) = 10 per asset.
        Assert.Equal((2 * 10) + 3, Int("incremental_activity_calls"));
        // The same inputs from scratch under new names: every one of the 9 pairs through NDAI = 18 per asset.
        Assert.Equal((2 * 18) + 3, Int("scratch_activity_calls"));
        Assert.Equal(23.0 / 39, Number("incremental_to_scratch_calls_ratio"), 0.0001);
        Assert.True(Number("incremental_activity_s") > 0 && Number("scratch_activity_s") > 0);
    }

    [Fact]
    public async Task BenchScale_AStageACall_CountsEveryStagesCall()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "2", "--pairs-per-year", "2", "--size", "32", "--no-direct", "--asset-call-pixels", "0", "--no-warm-up");
        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        // Without the warm-up the timed run is the first to call the workflow's code, so the JIT compiled methods during it.
        Assert.False(json.RootElement.GetProperty("warm_up").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("warm_up_assets").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("warm_up_s").ValueKind);
        Assert.True(json.RootElement.GetProperty("jit_methods").GetInt32() > 0 && json.RootElement.GetProperty("jit_s").GetDouble() > 0);
        // Per asset: discover, stable statistics, 1 NDAI call (6 pairs × 32² px = 6,144 px, within the default NdaiBatchPixels
        // of 2^20), the NDAI commit, 1 annual-means call for its 3 years (6 × 32² px, within the same budget), 1 composite,
        // areas, its Runs row = 8; per run: the asset list, its one chunk, the estimate. The 6 pairs fit the inventory's first page.
        Assert.Equal((2 * 8) + 3, json.RootElement.GetProperty("activity_calls").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task BenchScale_RejectsANegativeAssetCallBudget()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "1", "--asset-call-pixels", "-1");
        Assert.NotEqual(0, code);
        Assert.Contains("--asset-call-pixels must be 0 (a stage a call) or more.", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchScale_RejectsPairsPerYearOutsideItsRange()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "1", "--pairs-per-year", "40");
        Assert.NotEqual(0, code);
        Assert.Contains("--pairs-per-year must be between 2 and 30", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchScale_RejectsAWarmUpWithNoWarmUp()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "1", "--no-warm-up", "--warm-up", "3");
        Assert.True(code == 2, error + output);
        Assert.Contains("--warm-up N or --no-warm-up, not both", error + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("101")]
    public async Task BenchScale_RejectsAWarmUpOutsideItsRange(string warmUp)
    {
        var (code, output, error) = await Mine.RunAsync("bench", "scale", "--assets", "1", "--warm-up", warmUp);
        Assert.True(code == 2, error + output);
        Assert.Contains("--warm-up takes 0 to 100 assets", error + output, StringComparison.Ordinal);
    }
}
