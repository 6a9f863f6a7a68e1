using System.Text.RegularExpressions;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>
/// How `az acr build` reads .dockerignore when it packs the build context itself (azure-cli,
/// command_modules/acr/_archive_utils.py: IgnoreRule, _load_dockerignore_file, _archive_file_recursively),
/// which differs from Docker's reading (<see cref="DockerIgnore"/>): a trailing slash is dropped only from
/// "!" rules, so "bin/" becomes the pattern ^bin/$, which no path in the archive (names carry no trailing
/// slash) ever matches; "**" becomes ".*" with no separator after it. Rules are tried last-first; a path
/// takes the first rule that matches it among those of higher priority than the one that decided its
/// parent folder, else its parent's decision.
/// </summary>
public sealed class AzAcrIgnore
{
    private static readonly HashSet<string> VersionControl = [".git", ".gitignore", ".bzr", "bzrignore", ".hg", ".hgignore", ".svn"];

    // Highest priority (the file's last rule) first.
    private readonly List<(Regex Pattern, bool Ignore)> _rules = [];

    public AzAcrIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var rule = raw.TrimEnd();
            if (rule.Length == 0 || rule.StartsWith('#')) continue;
            _rules.Insert(0, Compile(rule));
        }
    }

    /// <summary>True when `az acr build` leaves <paramref name="path"/> (relative, '/'-separated) out of the uploaded context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        var (ignored, decidedBy) = (false, _rules.Count);
        for (var i = 1; i <= segments.Length; i++)
        {
            var name = string.Join('/', segments[..i]);
            if (VersionControl.Contains(name)) { ignored = true; continue; }
            for (var k = 0; k < decidedBy; k++)
            {
                if (!_rules[k].Pattern.IsMatch(name)) continue;
                (ignored, decidedBy) = (_rules[k].Ignore, k);
                break;
            }
        }
        return ignored;
    }

    private static (Regex, bool) Compile(string rule)
    {
        var ignore = !rule.StartsWith('!');
        if (!ignore)
        {
            rule = rule[1..];
            if (rule.StartsWith('/')) rule = rule[1..];
            rule = rule.TrimEnd('/');
        }
        var tokens = rule.Split('/');
        var pattern = "^";
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "**")
            {
                pattern += ".*";
                continue;
            }
            pattern += tokens[i].Replace("*", "[^/]*", StringComparison.Ordinal).Replace("?", "[^/]", StringComparison.Ordinal).Replace(".", "\\.", StringComparison.Ordinal);
            if (i < tokens.Length - 1) pattern += "/";
        }
        return (new Regex(pattern + "$", RegexOptions.CultureInvariant), ignore);
    }
}
