namespace MineFunctions.Integration.Tests;

/// <summary>The products of a one-asset `mine demo` that the fault tests compare with an undisturbed run's.</summary>
internal static class DemoProducts
{
    public static readonly string[] Files =
    [
        "iron-mining_emissions-sources.csv", "iron-mining_emissions-sources_confidence.csv", "estimate.json", "left-out.csv",
        "demo-iron-a/activity.csv", "demo-iron-a/pairs.csv", "demo-iron-a/counts_2020-2022.csv",
    ];

    /// <summary>Asserts every product file in <paramref name="actualDir"/> equals, byte for byte, the one in <paramref name="expectedDir"/>.</summary>
    public static async Task AssertSameAsync(string expectedDir, string actualDir)
    {
        foreach (var file in Files)
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(expectedDir, file)), await File.ReadAllTextAsync(Path.Combine(actualDir, file)));
    }
}
