using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Inputs;

/// <summary>
/// Reads colour-class pixel counts, header `class,pixels` (class names red, green, blue, cyan, magenta,
/// yellow, white, black, any case; see <see cref="ColourClassExtensions.ParseCsvName"/>). A class may
/// appear at most once; a missing class counts 0 (the seed's Table 2 lists no black row).
/// </summary>
public static class ClassCountsCsvReader
{
    private sealed record Row(ColourClass Class, long Pixels);

    public static (ClassCounts? Counts, IReadOnlyList<InputError> Errors) Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, ["class", "pixels"], [], row =>
        {
            var cls = row.Parse("class", true, ColourClassExtensions.ParseCsvName);
            var pixels = row.Long("pixels", true, min: 0);
            return cls is null || pixels is null ? null : new Row(cls.Value, pixels.Value);
        });
        var errors = parsed.Errors.ToList();
        var counts = new Dictionary<ColourClass, long>();
        foreach (var r in parsed.Rows)
        {
            if (!counts.TryAdd(r.Value.Class, r.Value.Pixels))
                errors.Add(new InputError(fileName, r.Line, $"Class '{r.Value.Class.CsvName()}' appears more than once."));
        }
        if (errors.Count == 0 && counts.Count == 0) errors.Add(new InputError(fileName, 1, "No class counts in the file."));
        return errors.Count > 0 ? (null, errors) : (new ClassCounts(counts), errors);
    }
}
