using System.Globalization;

namespace MineFunctions.Cli.Commands;

/// <summary>Thrown for a command line the user got wrong: printed with the usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Minimal POSIX-style parser: positional words, `--name value`, `--name=value`, and flags
/// (`--name` followed by another option or nothing). Values for one name may repeat
/// (`--years a.tif b.tif c.tif` gives three values). Unknown options are an error, not ignored.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        string? current = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=');
                if (eq > 2)
                {
                    current = null;
                    Add(arg[2..eq], arg[(eq + 1)..]);
                }
                else
                {
                    current = arg[2..];
                    if (!_options.ContainsKey(current)) _options[current] = [];
                }
            }
            else if (current is not null)
            {
                _options[current].Add(arg);
            }
            else
            {
                Positionals.Add(arg);
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Help => Has("help") || Positionals.Contains("-h");

    public bool Has(string name)
    {
        _consumed.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Optional(string name)
    {
        _consumed.Add(name);
        if (!_options.TryGetValue(name, out var values)) return null;
        if (values.Count != 1) throw new UsageException($"--{name} takes exactly one value.");
        return values[0];
    }

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"--{name} is required.");

    public IReadOnlyList<string> Many(string name)
    {
        _consumed.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public double Double(string name, double fallback)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"--{name} must be a number, got '{text}'.");
    }

    public int Int(string name, int fallback)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"--{name} must be an integer, got '{text}'.");
    }

    /// <summary>Fails on any option the command never asked about (a typo must not be ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_consumed.Contains(k) && k != "help").ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
        list.Add(value);
    }
}
