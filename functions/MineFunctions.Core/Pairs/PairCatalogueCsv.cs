using System.Globalization;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Pairs;

/// <summary>
/// Reads a pair catalogue CSV in whichever accepted form it is (METHOD.md §1.1, docs/INPUTS.md), told
/// apart by the header (names compared without case, spaces or punctuation):
/// <list type="bullet">
/// <item>ASF Vertex SBAS export: <c>Reference, Reference URL, Reference Perpendicular Baseline (meters),
/// Secondary, Secondary URL, Secondary Perpendicular Baseline (meters), Pair Temporal Baseline (days)</c>;
/// cells are scene names, dates come from them, pair Bperp = secondary − reference;</item>
/// <item>asf_search stack results (<c>results.csv()</c>: <c>Granule Name, …, Start Time, …,
/// TemporalBaseline, PerpendicularBaseline</c>, or the same properties under their GeoJSON names
/// <c>sceneName, startTime, …, temporalBaseline, perpendicularBaseline</c>): one row per scene;</item>
/// <item>ours: <c>reference,secondary[,bperp_m,track,direction,polarisation]</c> with dates as
/// yyyy-MM-dd or yyyyMMdd (or scene names).</item>
/// </list>
/// Quoted fields (RFC 4180), a UTF-8 BOM and '#' comment lines before the header are accepted. Row
/// errors name the source and line and are all collected before one exception is thrown.
/// </summary>
public static class PairCatalogueCsv
{
    public static PairCatalogue Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd().TrimStart('\uFEFF');
        var skipped = 0;
        while (text.StartsWith('#') || text.StartsWith('\n') || text.StartsWith("\r\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? "" : text[(end + 1)..];
            skipped++;
        }
        var records = new CsvRecordReader(new StringReader(text));
        List<string> header;
        var rows = new List<(int Line, List<string> Fields)>();
        try
        {
            header = records.Next(out _) ?? throw new InvalidDataException($"{source}: empty file, expected a header.");
            while (records.Next(out var start) is { } fields)
            {
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add((start + skipped, fields));
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{source}:{e.Line + skipped}: {e.Message}");
        }
        var columns = header.Select(Normalise).ToList();
        int Col(params string[] names) => names.Select(n => columns.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);

        var errors = new List<string>();
        var warnings = new List<string>();
        PairCatalogue catalogue;
        if (Col("referenceperpendicularbaselinemeters") >= 0 && Col("secondaryperpendicularbaselinemeters") >= 0 && Col("reference") >= 0 && Col("secondary") >= 0)
        {
            catalogue = ReadVertexSbas(rows, source, Col, errors, warnings);
        }
        else if (Col("scenename", "granulename") >= 0 && Col("perpendicularbaseline") >= 0)
        {
            catalogue = ReadStack(rows, source, Col, errors);
        }
        else if (Col("reference", "referencedate") >= 0 && Col("secondary", "secondarydate") >= 0)
        {
            catalogue = ReadOurs(rows, source, Col, errors);
        }
        else
        {
            throw new InvalidDataException(
                $"{source}:{1 + skipped}: header '{string.Join(",", header)}' is none of the accepted pair catalogues: " +
                "'reference,secondary[,bperp_m,track,direction,polarisation]', the ASF Vertex SBAS export " +
                "('Reference, Reference URL, Reference Perpendicular Baseline (meters), Secondary, …') or asf_search stack results " +
                "('Granule Name' or 'sceneName' with 'PerpendicularBaseline'); see docs/INPUTS.md.");
        }
        if (errors.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        return catalogue;
    }

    private static PairCatalogue ReadOurs(List<(int Line, List<string> Fields)> rows, string source, Func<string[], int> col, List<string> errors)
    {
        var (refCol, secCol) = (col(["reference", "referencedate"]), col(["secondary", "secondarydate"]));
        var bperpCol = col(["bperpm", "perpendicularbaseline"]);
        var (trackCol, dirCol, polCol) = (col(["track", "pathnumber"]), col(["direction", "flightdirection"]), col(["polarisation", "polarization"]));
        var describe = $"{source} ({PairCatalogueFormats.Ours})";
        var entries = new List<PairCatalogueEntry>();
        foreach (var (line, f) in rows)
        {
            if (!TryDate(Field(f, refCol), out var reference) || !TryDate(Field(f, secCol), out var secondary))
            {
                errors.Add($"{source}:{line}: reference and secondary must be dates (yyyy-MM-dd or yyyyMMdd) or scene names.");
                continue;
            }
            if (!TryNumber(Field(f, bperpCol), out var bperp))
            {
                errors.Add($"{source}:{line}: bperp_m '{Field(f, bperpCol)}' is not a number.");
                continue;
            }
            entries.Add(new PairCatalogueEntry(reference, secondary, bperp, Field(f, trackCol), Field(f, dirCol)?.ToUpperInvariant(), Field(f, polCol)?.ToUpperInvariant(), describe));
        }
        CheckDuplicatePairs(entries, source, errors);
        return new PairCatalogue(source, PairCatalogueFormats.Ours, entries, [], []);
    }

    private static PairCatalogue ReadVertexSbas(List<(int Line, List<string> Fields)> rows, string source, Func<string[], int> col, List<string> errors, List<string> warnings)
    {
        var (refCol, secCol) = (col(["reference"]), col(["secondary"]));
        var (refB, secB) = (col(["referenceperpendicularbaselinemeters"]), col(["secondaryperpendicularbaselinemeters"]));
        var daysCol = col(["pairtemporalbaselinedays"]);
        var describe = $"{source} ({PairCatalogueFormats.VertexSbas})";
        var entries = new List<PairCatalogueEntry>();
        foreach (var (line, f) in rows)
        {
            if (!TrySceneDate(Field(f, refCol), out var a) || !TrySceneDate(Field(f, secCol), out var b))
            {
                errors.Add($"{source}:{line}: Reference and Secondary must be scene names with a date (e.g. S1A_IW_SLC__1SDV_20200611T220748_…).");
                continue;
            }
            if (!TryNumber(Field(f, refB), out var ab) || !TryNumber(Field(f, secB), out var bb))
            {
                errors.Add($"{source}:{line}: the perpendicular baselines '{Field(f, refB)}' and '{Field(f, secB)}' must be numbers (metres).");
                continue;
            }
            // Our reference is the earlier acquisition; the pair's Bperp is the later scene's minus the earlier's.
            var (reference, secondary, rb, sb) = a <= b ? (a, b, ab, bb) : (b, a, bb, ab);
            double? bperp = rb is { } r && sb is { } s ? s - r : null;
            if (TryNumber(Field(f, daysCol), out var days) && days is { } d && Math.Abs(Math.Abs(d) - (secondary.DayNumber - reference.DayNumber)) > 1)
                warnings.Add($"{source}:{line}: Pair Temporal Baseline {d} d disagrees with the scene dates ({secondary.DayNumber - reference.DayNumber} d); the dates are used.");
            entries.Add(new PairCatalogueEntry(reference, secondary, bperp, null, null, null, describe));
        }
        CheckDuplicatePairs(entries, source, errors);
        return new PairCatalogue(source, PairCatalogueFormats.VertexSbas, entries, [], warnings);
    }

    private static PairCatalogue ReadStack(List<(int Line, List<string> Fields)> rows, string source, Func<string[], int> col, List<string> errors)
    {
        var sceneCol = col(["scenename", "granulename"]);
        var startCol = col(["starttime"]);
        var bperpCol = col(["perpendicularbaseline"]);
        var (trackCol, dirCol, polCol) = (col(["pathnumber"]), col(["flightdirection", "ascendingordescending"]), col(["polarization", "polarisation"]));
        var scenes = new List<(int Line, StackScene Scene)>();
        foreach (var (line, f) in rows)
        {
            var name = Field(f, sceneCol) ?? "";
            if (!StackScenes.TryDate(Field(f, startCol), name, out var date))
            {
                errors.Add($"{source}:{line}: scene '{name}' has no date (start time or a date in the scene name).");
                continue;
            }
            if (!TryNumber(Field(f, bperpCol), out var bperp))
            {
                errors.Add($"{source}:{line}: perpendicular baseline '{Field(f, bperpCol)}' is not a number.");
                continue;
            }
            scenes.Add((line, new StackScene(name, date, bperp, Field(f, trackCol), Field(f, dirCol)?.ToUpperInvariant(), Field(f, polCol)?.ToUpperInvariant())));
        }
        return StackScenes.Build(source, PairCatalogueFormats.AsfSearchStack, scenes, errors);
    }

    private static void CheckDuplicatePairs(List<PairCatalogueEntry> entries, string source, List<string> errors)
    {
        foreach (var g in entries.GroupBy(e => (e.Reference, e.Secondary)).Where(g => g.Count() > 1))
            errors.Add($"{source}: pair {g.Key.Reference:yyyy-MM-dd}/{g.Key.Secondary:yyyy-MM-dd} is listed {g.Count()} times.");
    }

    private static string? Field(List<string> f, int i) => i >= 0 && i < f.Count && f[i].Trim().Length > 0 ? f[i].Trim() : null;

    // "Reference Perpendicular Baseline (meters)" → "referenceperpendicularbaselinemeters", "bperp_m" → "bperpm".
    private static string Normalise(string header) => string.Concat(header.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();

    /// <summary>A number, or nothing (empty, "None", "null", "NA" as asf_search writes a missing value): true with null.</summary>
    internal static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (text is null || text.Equals("None", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase) || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return false;
        value = v;
        return true;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || TrySceneDate(text, out date);

    // A scene's acquisition date is its first date token (the start time; the stop time repeats it).
    private static bool TrySceneDate(string? scene, out DateOnly date)
    {
        date = default;
        if (scene is null) return false;
        var dates = NameDates.All(scene);
        if (dates.Count == 0) return false;
        date = dates[0];
        return true;
    }
}
