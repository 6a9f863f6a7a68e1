using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MineFunctions.App.Inputs;

/// <summary>Allowlist for Climate TRACE sector names in routes (e.g. "iron-mining"): lowercase words joined by '-'.</summary>
public static partial class SectorNames
{
    /// <summary>True when <paramref name="value"/> may name a sector export; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value, [NotNullWhen(false)] out string? reason)
    {
        reason = value is not null && value.Length <= 48 && Pattern().IsMatch(value)
            ? null
            : "a sector is lowercase words joined by '-', at most 48 characters (e.g. 'iron-mining')";
        return reason is null;
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
