using System.Text;
using System.Text.RegularExpressions;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>
/// Docker's .dockerignore rules, as far as the patterns in this repository use them: one pattern a
/// line, # comments, leading/trailing slashes dropped, * and ? within a path segment, ** for any
/// number of segments, ! for an exception; the last rule that matches a path or one of its parent
/// folders decides whether it is left out of the build context.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exception)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var exception = line.StartsWith('!');
            var pattern = (exception ? line[1..] : line).Trim().Trim('/');
            _rules.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), exception));
        }
    }

    /// <summary>True when <paramref name="path"/> (relative, '/'-separated) is left out of the context.</summary>
    public bool Excludes(string path)
    {
        var candidates = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i <= segments.Length; i++) candidates.Add(string.Join('/', segments[..i]));
        var excluded = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (candidates.Any(pattern.IsMatch)) excluded = !exception;
        }
        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var segments = pattern.Split('/');
        var regex = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            foreach (var c in segments[i])
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            if (!last) regex.Append('/');
        }
        return regex.ToString();
    }
}
