using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Activity;

/// <summary>The seed's Table 2 (Sishen, 2020–2022) colour counts and production, METHOD.md §2.</summary>
internal static class SeedTable2
{
    public static readonly int[] Years = [2020, 2021, 2022];

    public static ClassCounts Counts => new(new Dictionary<ColourClass, long>
    {
        [ColourClass.Red] = 43_398, [ColourClass.Green] = 40_088, [ColourClass.Blue] = 47_177, [ColourClass.Cyan] = 28_779,
        [ColourClass.Magenta] = 9_509, [ColourClass.Yellow] = 23_097, [ColourClass.White] = 24_927,
    });

    public static Dictionary<int, double> OreT => new() { [2020] = 36.2e6, [2021] = 37.9e6, [2022] = 35.0e6 };

    public static Dictionary<int, long> PublishedTotals => new() { [2020] = 105_931, [2021] = 116_891, [2022] = 110_392 };
}
