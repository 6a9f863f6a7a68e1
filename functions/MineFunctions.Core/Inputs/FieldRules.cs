namespace MineFunctions.Core.Inputs;

/// <summary>Shared field checks of the input readers.</summary>
internal static class FieldRules
{
    public static string? Iso3(CsvRow row, string column = "iso3")
    {
        var s = row.RequiredText(column);
        if (s is null) return null;
        if (s.Length != 3 || !s.All(char.IsAsciiLetterUpper))
        {
            row.Error($"'{column}' must be an ISO 3166-1 alpha-3 code in capitals (e.g. BRA), got '{s}'.");
            return null;
        }
        return s;
    }

    /// <summary>An asset's name: at most <see cref="InputLimits.MaxNameChars"/> characters, no control characters (it becomes the export's source_name).</summary>
    public static string? Name(CsvRow row, string column = "name")
    {
        var s = row.RequiredText(column);
        if (s is null) return null;
        if (s.Length > InputLimits.MaxNameChars)
        {
            row.Error($"'{column}' has {s.Length} characters, more than the limit of {InputLimits.MaxNameChars}.");
            return null;
        }
        if (s.Any(char.IsControl))
        {
            row.Error($"'{column}' holds a control character (a line break or tab).");
            return null;
        }
        return s;
    }

    /// <summary>A product word: "ore" or a product type such as concentrate, cathode, pellets, alumina.</summary>
    public static string? Product(CsvRow row, string column = "product")
    {
        var s = row.RequiredText(column)?.ToLowerInvariant();
        if (s is null) return null;
        if (!s.All(c => char.IsAsciiLetterLower(c) || c is '-' or '_'))
        {
            row.Error($"'{column}' must be a word such as ore, concentrate, cathode, pellets or alumina, got '{s}'.");
            return null;
        }
        return s;
    }

    public static int? Year(CsvRow row) => row.Integer("year", true, 1900, 2200);

    /// <summary>Adds an error for each row whose key was already seen.</summary>
    public static List<InputError> Duplicates<T, TKey>(ParseResult<T> parsed, Func<T, TKey> key, Func<TKey, string> describe) where TKey : notnull
    {
        var errors = new List<InputError>();
        var seen = new Dictionary<TKey, int>();
        foreach (var r in parsed.Rows)
        {
            var k = key(r.Value);
            if (!seen.TryAdd(k, r.Line))
                errors.Add(new InputError(parsed.File, r.Line, $"{describe(k)} already appears on line {seen[k]}."));
        }
        return errors;
    }

    public static ParseResult<T> WithErrors<T>(ParseResult<T> parsed, IEnumerable<InputError> more) =>
        parsed with { Errors = parsed.Errors.Concat(more).OrderBy(e => e.Line).ToList() };
}
