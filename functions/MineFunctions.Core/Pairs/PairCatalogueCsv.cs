using System.Globalization;

namespace MineFunctions.Core.Pairs;

/// <summary>One row of an asset's pair catalogue: the pair's dates and what the catalogue knows about its geometry.</summary>
public sealed record PairCatalogueEntry(DateOnly Reference, DateOnly Secondary, double? PerpendicularBaselineM, string? Track, string? Direction, string? Polarisation);

/// <summary>
/// Reads a pair catalogue CSV (METHOD.md §1.1). Header (order free, names case-insensitive):
/// <c>reference,secondary,bperp_m,track,direction,polarisation</c>; only the two dates are required,
/// as yyyy-MM-dd or yyyyMMdd. asf_search/Vertex exports name the baseline
/// <c>perpendicularBaseline</c>, also accepted. Errors name the source and line; all are collected.
/// </summary>
public static class PairCatalogueCsv
{
    public static IReadOnlyList<PairCatalogueEntry> Read(TextReader reader, string source)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{source}: empty file, expected a header.");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Index(params string[] names) => names.Select(n => columns.IndexOf(n.ToLowerInvariant())).FirstOrDefault(i => i >= 0, -1);
        var refCol = Index("reference", "reference_date");
        var secCol = Index("secondary", "secondary_date");
        if (refCol < 0 || secCol < 0) throw new InvalidDataException($"{source}:1: header needs 'reference' and 'secondary' columns, got '{header}'.");
        var bperpCol = Index("bperp_m", "perpendicularbaseline");
        var trackCol = Index("track", "pathnumber");
        var dirCol = Index("direction", "flightdirection");
        var polCol = Index("polarisation", "polarization");

        var entries = new List<PairCatalogueEntry>();
        var errors = new List<string>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var f = text.Split(',');
            string? Field(int i) => i >= 0 && i < f.Length && f[i].Trim().Length > 0 ? f[i].Trim() : null;
            if (!TryDate(Field(refCol), out var reference) || !TryDate(Field(secCol), out var secondary))
            {
                errors.Add($"{source}:{line}: reference and secondary must be dates (yyyy-MM-dd or yyyyMMdd).");
                continue;
            }
            double? bperp = null;
            if (Field(bperpCol) is { } b)
            {
                if (!double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    errors.Add($"{source}:{line}: bperp_m '{b}' is not a number.");
                    continue;
                }
                bperp = v;
            }
            entries.Add(new PairCatalogueEntry(reference, secondary, bperp, Field(trackCol), Field(dirCol)?.ToUpperInvariant(), Field(polCol)?.ToUpperInvariant()));
        }
        if (errors.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        var dup = entries.GroupBy(e => (e.Reference, e.Secondary)).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidDataException($"{source}: pair {dup.Key.Reference:yyyy-MM-dd}/{dup.Key.Secondary:yyyy-MM-dd} is listed more than once.");
        return entries;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
