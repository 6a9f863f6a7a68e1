using System.Text;
using MineFunctions.Core.Export;

namespace MineFunctions.Core.Pairs;

/// <summary>One line of an asset's input report: a file or pair, what happened to it and why.</summary>
public sealed record InputReportLine(string Name, string Status, string Detail);

/// <summary>
/// The input report of one asset (<c>report/inputs.csv</c> among its products, copied by `mine run`
/// next to its results): <c>name,status,detail</c>, status one of <c>skipped</c> (a file outside the
/// layout), <c>duplicate</c> (same dates as a kept input), <c>excluded</c> (a pair the selection rules
/// leave out, with its numbers) or <c>warning</c>. An asset with nothing to report gets the header only.
/// </summary>
public static class InputReportCsv
{
    public const string Header = "name,status,detail";

    public static string Write(IEnumerable<InputReportLine> lines)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var l in lines)
            csv.Append(CsvText.Field(l.Name)).Append(',').Append(CsvText.Field(l.Status)).Append(',').Append(CsvText.Field(l.Detail)).Append('\n');
        return csv.ToString();
    }

    /// <summary>The report lines of an inventory, after the skipped files: duplicates, exclusions, then warnings.</summary>
    public static IEnumerable<InputReportLine> Lines(IEnumerable<InputReportLine> skipped, PairInventoryResult inventory) =>
        skipped
            .Concat(inventory.Excluded.Select(e => new InputReportLine(e.Subject, e.Duplicate ? "duplicate" : "excluded", e.Reason)))
            .Concat(inventory.Warnings.Select(w => new InputReportLine("", "warning", w)));
}
