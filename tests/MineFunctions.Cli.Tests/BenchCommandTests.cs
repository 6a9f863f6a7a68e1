using System.Globalization;
using System.Text.Json;
using MineFunctions.Core.Coherence;

namespace MineFunctions.Cli.Tests;

/// <summary>
/// `mine bench coherence` reports what the science-core issue asks of it: the kernels' table and,
/// as its last line, one JSON object whose ratios agree with the numbers next to them. Tiny size, so
/// the numbers themselves mean nothing here; only the report's shape and arithmetic are checked.
/// </summary>
public sealed class BenchCommandTests
{
    [SharedDataFact("bench", "coherence_reference.py")]
    public async Task BenchCoherence_PrintsTheTable_AndEndsWithOneJsonObjectWhoseRatiosAreConsistent()
    {
        var (code, output, error) = await Mine.RunAsync(
            "bench", "coherence", "--size", "128", "--reps", "1", "--threads", "1",
            "--reference", SharedData.Require("bench", "coherence_reference.py"));
        Assert.True(code == 0, error + output);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("| coherence 7x2 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| NDAI |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| annual mean add |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("memory bandwidth (triad", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        double Number(string key) => root.GetProperty(key).GetDouble();
        Assert.Equal(CoherenceEstimator.Kernel, root.GetProperty("kernel").GetString());
        Assert.True(Number("mpx_per_s") > 0);
        Assert.True(Number("scipy_mpx_per_s") > 0);
        AssertClose(Number("mpx_per_s") / Number("bound_mpx_per_s"), Number("of_memory_bound"), 3, "of_memory_bound");
        AssertClose(Number("mpx_per_s") / Number("scipy_mpx_per_s"), Number("vs_scipy"), 1, "vs_scipy");
        AssertClose(Number("memory_gb_per_s") * 1e3 / 20, Number("bound_mpx_per_s"), 1, "bound = bandwidth / 20 B per pixel");
    }

    [Fact]
    public async Task BenchCoherence_WithoutTheScipyReference_SaysWhyItsColumnIsEmpty()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "coherence", "--size", "64", "--reps", "1", "--threads", "1", "--reference", "none");
        Assert.True(code == 0, error + output);
        Assert.Contains("scipy reference: not run (--reference none)", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("vs_scipy").ValueKind);
    }

    [Fact]
    public async Task BenchCoherence_RejectsASizeOutsideItsRange_WithTheRange()
    {
        var (code, output, error) = await Mine.RunAsync("bench", "coherence", "--size", "10", "--reference", "none");
        Assert.NotEqual(0, code);
        Assert.Contains("--size must be 64-16384", error + output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The report rounds each number it prints (to 1 decimal, fractions to 3), the inputs of
    /// <paramref name="expected"/> included: allow half a unit of the printed digits plus 5 %.
    /// </summary>
    private static void AssertClose(double expected, double actual, int digits, string what) =>
        Assert.True(
            Math.Abs(expected - actual) <= 0.5 * Math.Pow(10, -digits) + 0.05 * Math.Abs(expected),
            string.Create(CultureInfo.InvariantCulture, $"{what}: report says {actual}, its own numbers give {expected}"));
}
