using System.Diagnostics.CodeAnalysis;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// The one rule for asset ids, wherever they come from (a CLI folder name or argument, an HTTP route
/// or body, a blob trigger's path, a container listing): 1–<see cref="MaxLength"/> characters of
/// a-z, 0-9, '-' and '_', starting with a letter or digit. An asset id is a blob folder, a table
/// PartitionKey and part of orchestration instance ids, so it stays lower-case (two folders that
/// differ only in case would be one asset on a case-insensitive disk) and never holds '.', '/' or
/// '\' (no traversal, no key injection). Checked character by character: no regex whose '$' would
/// let a trailing newline through.
/// </summary>
public static class AssetIds
{
    /// <summary>Longest accepted asset id.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule in words, for messages and docs.</summary>
    public const string Rule = "1–64 characters of a-z, 0-9, '-' and '_', starting with a letter or digit";

    /// <summary>True when <paramref name="value"/> is a valid asset id; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value, [NotNullWhen(false)] out string? reason)
    {
        reason = Problem(value);
        return reason is null;
    }

    /// <summary>Returns <paramref name="value"/> unchanged when valid; throws <see cref="StorageNameException"/> (an ArgumentException) otherwise.</summary>
    public static string Check(string? value)
    {
        var problem = Problem(value);
        return problem is null ? value! : throw new StorageNameException("asset id", value ?? "", problem);
    }

    private static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "the asset id is empty";
        if (value.Length > MaxLength) return $"the asset id is longer than {MaxLength} characters";
        if (!IsLowerAlnum(value[0])) return $"the asset id must start with a-z or 0-9 ({Rule})";
        foreach (var c in value)
        {
            if (!(IsLowerAlnum(c) || c is '-' or '_'))
                return $"character '{(char.IsControl(c) ? '?' : c)}' is not allowed in an asset id ({Rule})";
        }
        return null;
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
