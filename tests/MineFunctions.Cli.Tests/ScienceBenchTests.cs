using System.Text.Json;

namespace MineFunctions.Cli.Tests;

/// <summary>
/// `mine bench science --fast` at the smallest size: one row per scenario and rule, and as its last line
/// one JSON object whose summary agrees with its rows (the figures themselves are the benchmark's, METHOD.md §3).
/// </summary>
public sealed class ScienceBenchTests
{
    [Fact]
    public async Task BenchScience_PrintsARowPerScenarioAndRule_AndEndsWithAConsistentJsonObject()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "science", "--fast", "--size", "64");
        Assert.True(code == 0, error + output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("science benchmark: 5 scenarios, 64x64 px", lines[0], StringComparison.Ordinal);

        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        Assert.Equal("science", root.GetProperty("bench").GetString());
        var rows = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(10, rows.Count); // 5 scenarios × (default, seed hsv)
        var defaults = rows.Where(r => r.GetProperty("rule").GetString() == "default").ToList();
        var lowest = defaults.Where(r => r.GetProperty("intensity_min").GetDouble() >= 0.3 && !r.GetProperty("stress").GetBoolean())
            .Min(r => r.GetProperty("accuracy").GetDouble());
        Assert.Equal(lowest, root.GetProperty("lowest_accuracy_30_100").GetDouble());
        var demo = defaults.Single(r => r.GetProperty("scenario").GetString() == "demo (strong activity)").GetProperty("accuracy").GetDouble();
        Assert.Equal(demo, root.GetProperty("demo_accuracy").GetDouble());
        // targets_met is the conjunction of the four targets, read back from the JSON's own figures.
        Assert.Equal(lowest >= 0.90 && demo >= 0.97 && root.GetProperty("weather_accepted").GetInt32() == 0 && root.GetProperty("clean_rejected_realistic").GetInt32() == 0,
            root.GetProperty("targets_met").GetBoolean());
        Assert.Equal(defaults.Sum(r => r.GetProperty("weather_accepted").GetInt32()), root.GetProperty("weather_accepted").GetInt32());
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("area_error").GetArrayLength()));
        foreach (var r in rows)
            Assert.Contains(lines, l => l.StartsWith(r.GetProperty("scenario").GetString()!, StringComparison.Ordinal) && l.Contains(r.GetProperty("rule").GetString()!, StringComparison.Ordinal));
    }
}
