namespace MineFunctions.Core.Export;

/// <summary>An asset the estimate and the export left out, and why ("file:line: message; …").</summary>
public sealed record LeftOutAsset(string AssetId, string Reason);

/// <summary>
/// <c>left-out.csv</c>, written beside the Climate TRACE CSVs of every export (header only when
/// nothing was left out): <c>asset_id,reason</c>. The Climate TRACE files keep their exact format,
/// so what they do not hold is said here, and in estimate.json's <c>left_out</c>.
/// </summary>
public static class LeftOutCsv
{
    public const string FileName = "left-out.csv";

    public static void Write(IReadOnlyList<LeftOutAsset> leftOut, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(leftOut);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("asset_id,reason\n");
        foreach (var a in leftOut) writer.Write($"{CsvText.Field(a.AssetId)},{CsvText.Field(a.Reason)}\n");
    }
}
