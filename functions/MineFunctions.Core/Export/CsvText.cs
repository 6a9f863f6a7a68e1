using System.Globalization;

namespace MineFunctions.Core.Export;

/// <summary>
/// Invariant-culture field formatting, RFC 4180 quoting and spreadsheet-formula neutralisation for
/// every CSV the project writes.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// A text field: a value a spreadsheet would run as a formula (first character <c>= + - @</c>, tab or
    /// CR; OWASP "CSV Injection") gets a leading apostrophe, so it shows as text; then the field is quoted
    /// only when it holds a comma, quote or line break (the real Climate TRACE files never need quotes).
    /// Numbers never go through here (<see cref="Number"/>), so "-0.5" stays a number.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
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
