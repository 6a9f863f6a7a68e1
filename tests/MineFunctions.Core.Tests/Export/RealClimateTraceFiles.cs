using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

/// <summary>
/// Loads the real Climate TRACE Brazil files where they lie (shared/data/real/climatetrace-bra-mineral-extraction,
/// see its README); tests that use them are SharedDataTheory/Fact on that folder, skipped when it is absent.
/// </summary>
internal static class RealClimateTraceFiles
{
    public const string Folder = "climatetrace-bra-mineral-extraction";

    public static string Path(string fileName) => SharedData.Real(Folder, fileName);

    public static string Text(string fileName) => File.ReadAllText(Path(fileName));

    /// <summary>Every data row as column → value, in file order.</summary>
    public static List<Dictionary<string, string>> Rows(string fileName)
    {
        using var reader = new StreamReader(Path(fileName));
        var csv = new CsvRecordReader(reader);
        var header = csv.Next(out _)!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Next(out _) is { } fields)
            rows.Add(header.Select((h, i) => (h, fields[i])).ToDictionary(x => x.h, x => x.Item2));
        return rows;
    }

    public static string HeaderLine(string fileName) => Text(fileName).Split('\n')[0];
}

