namespace MineFunctions.Core.Inputs;

/// <summary>
/// Reads a CSV with a header line: checks the header against the required and optional column names
/// (any order; unknown or duplicate columns are errors, so a misspelt column is never ignored), then
/// maps every record through <c>map</c>. Blank lines are skipped. All errors of the file are collected.
/// </summary>
public static class CsvTable
{
    public static ParseResult<T> Read<T>(
        TextReader reader,
        string fileName,
        IReadOnlyList<string> requiredColumns,
        IReadOnlyList<string> optionalColumns,
        Func<CsvRow, T?> map) where T : class
    {
        var errors = new List<InputError>();
        var rows = new List<Parsed<T>>();
        var records = new CsvRecordReader(reader);
        try
        {
            var header = records.Next(out var headerLine);
            if (header is null)
            {
                errors.Add(new InputError(fileName, 1, $"The file is empty; expected the header '{string.Join(",", requiredColumns)}'."));
                return new ParseResult<T>(fileName, rows, errors);
            }
            if (header.Count > 0 && header[0].StartsWith('\uFEFF')) header[0] = header[0][1..];

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (!requiredColumns.Contains(name) && !optionalColumns.Contains(name))
                    errors.Add(new InputError(fileName, headerLine, $"Unknown column '{name}' (expected {Describe(requiredColumns, optionalColumns)})."));
                else if (!columns.TryAdd(name, i))
                    errors.Add(new InputError(fileName, headerLine, $"Column '{name}' appears twice."));
            }
            foreach (var required in requiredColumns.Where(r => !columns.ContainsKey(r)))
                errors.Add(new InputError(fileName, headerLine, $"Missing column '{required}' (expected {Describe(requiredColumns, optionalColumns)})."));
            if (errors.Count > 0) return new ParseResult<T>(fileName, rows, errors);

            while (records.Next(out var line) is { } fields)
            {
                if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0])) continue;
                if (fields.Count != header.Count)
                {
                    errors.Add(new InputError(fileName, line, $"Expected {header.Count} fields, found {fields.Count}."));
                    continue;
                }
                var row = new CsvRow(fileName, line, columns, fields, errors);
                var value = map(row);
                if (value is not null && !row.HasErrors) rows.Add(new Parsed<T>(value, line));
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new InputError(fileName, ex.Line, ex.Message));
        }
        return new ParseResult<T>(fileName, rows, errors);
    }

    private static string Describe(IReadOnlyList<string> required, IReadOnlyList<string> optional) =>
        optional.Count == 0
            ? $"'{string.Join(",", required)}'"
            : $"'{string.Join(",", required)}' and optionally {string.Join(", ", optional.Select(o => $"'{o}'"))}";
}
