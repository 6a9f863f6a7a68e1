using System.Globalization;

namespace MineFunctions.Core.Inputs;

/// <summary>
/// One data record with typed, error-collecting accessors. A bad field adds an <see cref="InputError"/>
/// and returns null, so a reader checks every field of every row instead of stopping at the first.
/// Numbers and dates are parsed with the invariant culture only.
/// </summary>
public sealed class CsvRow
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly IReadOnlyList<string> _fields;
    private readonly List<InputError> _errors;
    private readonly int _errorCountAtStart;

    internal CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields, List<InputError> errors)
    {
        File = file;
        Line = line;
        _columns = columns;
        _fields = fields;
        _errors = errors;
        _errorCountAtStart = errors.Count;
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>True when any accessor on this row reported an error.</summary>
    public bool HasErrors => _errors.Count > _errorCountAtStart;

    public void Error(string message) => _errors.Add(new InputError(File, Line, message));

    /// <summary>The trimmed text of a column; null when the column is absent or the field empty.</summary>
    public string? Text(string column)
    {
        if (!_columns.TryGetValue(column, out var i)) return null;
        var s = _fields[i].Trim();
        return s.Length == 0 ? null : s;
    }

    public string? RequiredText(string column)
    {
        var s = Text(column);
        if (s is null) Error($"'{column}' is empty.");
        return s;
    }

    /// <summary>A finite number in [min, max]; empty gives null (an error only when required).</summary>
    public double? Number(string column, bool required, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var s = required ? RequiredText(column) : Text(column);
        if (s is null) return null;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Error($"'{column}' must be a number (invariant culture, '.' decimal point), got '{s}'.");
            return null;
        }
        if (v < min || v > max)
        {
            Error($"'{column}' = {s} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
            return null;
        }
        return v;
    }

    public int? Integer(string column, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = required ? RequiredText(column) : Text(column);
        if (s is null) return null;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            Error($"'{column}' must be an integer, got '{s}'.");
            return null;
        }
        if (v < min || v > max)
        {
            Error($"'{column}' = {s} is outside [{min}, {max}].");
            return null;
        }
        return v;
    }

    public long? Long(string column, bool required, long min = long.MinValue)
    {
        var s = required ? RequiredText(column) : Text(column);
        if (s is null) return null;
        if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            Error($"'{column}' must be an integer, got '{s}'.");
            return null;
        }
        if (v < min)
        {
            Error($"'{column}' = {s} must be at least {min}.");
            return null;
        }
        return v;
    }

    /// <summary>Parses with <paramref name="parse"/>; a FormatException becomes a row error.</summary>
    public T? Parse<T>(string column, bool required, Func<string, T> parse) where T : struct
    {
        var s = required ? RequiredText(column) : Text(column);
        if (s is null) return null;
        try
        {
            return parse(s);
        }
        catch (FormatException ex)
        {
            Error($"'{column}': {ex.Message}");
            return null;
        }
    }
}
