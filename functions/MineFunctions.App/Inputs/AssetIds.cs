using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MineFunctions.App.Inputs;

/// <summary>
/// The allowlist for every id that comes from outside (blob names, routes, bodies): lowercase letters,
/// digits, '-' and '_', bounded length. Nothing else can reach a blob name or a table key, so no
/// traversal ("..", "/", "%2F") and no key injection is possible.
/// </summary>
public static partial class AssetIds
{
    /// <summary>Longest accepted asset id.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="value"/> is a valid asset id; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value, [NotNullWhen(false)] out string? reason)
    {
        reason = value switch
        {
            null or "" => "the asset id is empty",
            { Length: > MaxLength } => $"the asset id is longer than {MaxLength} characters",
            _ when !AssetIdPattern().IsMatch(value) => "the asset id may only contain a-z, 0-9, '-' and '_', and must start with a letter or digit",
            _ => null,
        };
        return reason is null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AssetIdPattern();
}
