using System.Globalization;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Export;

/// <summary>
/// Writes colour-class counts as `class,pixels`, one row per class in
/// <see cref="ColourClassExtensions.CsvOrder"/>: the form <c>ClassCountsCsvReader</c> and
/// `mine activity --counts` read.
/// </summary>
public static class ClassCountsCsvWriter
{
    public const string Header = "class,pixels";

    public static string Write(ClassCounts counts)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var colour in ColourClassExtensions.CsvOrder)
        {
            writer.WriteLine($"{colour.CsvName()},{counts[colour].ToString(CultureInfo.InvariantCulture)}");
        }
        return writer.ToString();
    }
}
