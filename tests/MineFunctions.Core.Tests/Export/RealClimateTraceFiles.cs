using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

/// <summary>Loads the real BRA Climate TRACE files copied under Export/Fixtures/climatetrace-bra (see its README).</summary>
internal static class RealClimateTraceFiles
{
    public static string Path(string fileName) => System.IO.Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", "climatetrace-bra", fileName);

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
