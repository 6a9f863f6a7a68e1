using System.Globalization;
using Azure.Data.Tables;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Reading typed columns back from a <see cref="TableEntity"/>, tolerant of how the service
/// returns numbers (a double with an integral value may come back as Int32), and comparing
/// stored columns with the columns about to be written.
/// </summary>
public static class TableColumns
{
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    public static string String(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!
            : throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey}: column {name} is missing.");

    public static string? OptionalString(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public static double? OptionalDouble(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    public static double Double(TableEntity e, string name) =>
        OptionalDouble(e, name) ?? throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey}: column {name} is missing.");

    public static long Long(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is not null ? Convert.ToInt64(v, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey}: column {name} is missing.");

    /// <summary>A whole-number column that may be absent or null (not yet known, or a row written before the column existed).</summary>
    public static long? OptionalLong(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is not null ? Long(e, name) : null;

    public static int Int(TableEntity e, string name) => checked((int)Long(e, name));

    public static bool Bool(TableEntity e, string name) =>
        e.TryGetValue(name, out var v) && v is bool b ? b
            : throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey}: column {name} is missing or not a boolean.");

    public static DateOnly Date(TableEntity e, string name) =>
        DateOnly.ParseExact(String(e, name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date column is stored as "yyyy-MM-dd" text: stable, sortable, free of time-zone questions.</summary>
    public static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>NaN and infinities have no place in a result row: they become an absent column.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>
    /// True when the stored entity has exactly these user columns with equal values (numbers
    /// compared as numbers, so 5.0 written and 5 read back are equal).
    /// </summary>
    public static bool SameColumns(TableEntity stored, IReadOnlyDictionary<string, object?> columns)
    {
        var expected = columns.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var storedCount = 0;
        foreach (var (name, value) in stored)
        {
            if (SystemColumns.Contains(name) || name.EndsWith("@odata.type", StringComparison.Ordinal) || value is null) continue;
            storedCount++;
            if (!expected.TryGetValue(name, out var want) || !SameValue(value, want)) return false;
        }
        return storedCount == expected.Count;
    }

    private static bool SameValue(object stored, object wanted)
    {
        if (IsNumber(stored) && IsNumber(wanted))
        {
            if (stored is double || wanted is double || stored is float || wanted is float)
                return Convert.ToDouble(stored, CultureInfo.InvariantCulture).Equals(Convert.ToDouble(wanted, CultureInfo.InvariantCulture));
            return Convert.ToInt64(stored, CultureInfo.InvariantCulture) == Convert.ToInt64(wanted, CultureInfo.InvariantCulture);
        }
        return stored.Equals(wanted);
    }

    private static bool IsNumber(object v) => v is int or long or double or float;
}
