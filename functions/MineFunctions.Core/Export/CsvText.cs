using System.Globalization;

namespace MineFunctions.Core.Export;

/// <summary>Invariant-culture field formatting and RFC 4180 quoting for the CSV writers.</summary>
internal static class CsvText
{
    /// <summary>Quotes a field only when it holds a comma, quote or line break (the real files never need quotes).</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Rounds to <paramref name="decimals"/> and prints without trailing zeros or exponent; null prints empty.</summary>
    public static string Number(double? value, int decimals)
    {
        if (value is not { } v) return "";
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0; // no "-0"
        return rounded.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
