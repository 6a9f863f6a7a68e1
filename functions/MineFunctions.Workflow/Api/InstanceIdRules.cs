using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// The allowlist for run (orchestration instance) ids in routes: the characters
/// <see cref="MineFunctions.Workflow.InstanceIds"/> produces (a-z, 0-9, '-', '_', ':'), bounded length.
/// </summary>
public static partial class InstanceIdRules
{
    /// <summary>Longest accepted instance id.</summary>
    public const int MaxLength = 160;

    /// <summary>True when <paramref name="value"/> may be looked up; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value, [NotNullWhen(false)] out string? reason)
    {
        reason = value switch
        {
            null or "" => "the run id is empty",
            { Length: > MaxLength } => $"the run id is longer than {MaxLength} characters",
            _ when !Pattern().IsMatch(value) => "the run id may only contain a-z, 0-9, '-', '_' and ':'",
            _ => null,
        };
        return reason is null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_:-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
