namespace MineFunctions.Core.Contracts;

/// <summary>
/// The eight colour classes of the 3-year RGB composite (seed Table 1; METHOD.md §1.5, with the
/// erratum R = first year, G = second, B = third). The value is a bit set: bit 0 = red (year 1
/// active), bit 1 = green (year 2), bit 2 = blue (year 3), so a class's year membership is a bit test.
/// </summary>
public enum ColourClass : byte
{
    Black = 0,
    Red = 1,
    Green = 2,
    Yellow = 3,
    Blue = 4,
    Magenta = 5,
    Cyan = 6,
    White = 7,
}

public static class ColourClassExtensions
{
    /// <summary>All eight classes in the order of the counts CSV: red, green, blue, cyan, magenta, yellow, white, black.</summary>
    public static IReadOnlyList<ColourClass> CsvOrder { get; } =
    [
        ColourClass.Red, ColourClass.Green, ColourClass.Blue, ColourClass.Cyan,
        ColourClass.Magenta, ColourClass.Yellow, ColourClass.White, ColourClass.Black,
    ];

    /// <summary>True when the class counts as active in year index 0, 1 or 2 of its window.</summary>
    public static bool IsActiveInYear(this ColourClass colour, int yearIndex) =>
        yearIndex is >= 0 and <= 2
            ? ((int)colour & (1 << yearIndex)) != 0
            : throw new ArgumentOutOfRangeException(nameof(yearIndex), yearIndex, "A composite window has years 0, 1 and 2.");

    /// <summary>Lower-case name as used in CSV headers and file names ("red", …).</summary>
    public static string CsvName(this ColourClass colour) => colour.ToString().ToLowerInvariant();

    /// <summary>Parses a CSV class name, case-insensitively; throws FormatException naming the bad value.</summary>
    public static ColourClass ParseCsvName(string name) =>
        Enum.TryParse<ColourClass>(name.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(name, out _)
            ? c
            : throw new FormatException($"'{name}' is not a colour class (expected one of: {string.Join(", ", CsvOrder.Select(x => x.CsvName()))}).");
}
