namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// A blob name, asset id, file name or key taken from outside failed the allowlist. Derives from
/// <see cref="ArgumentException"/> so hosts report it as bad input (exit 1 / HTTP 400), never as a crash.
/// </summary>
public sealed class StorageNameException(string what, string value, string problem)
    : ArgumentException($"Invalid {what} '{Printable(value)}': {problem}.")
{
    /// <summary>What kind of name was checked, e.g. "asset id" or "blob name".</summary>
    public string What { get; } = what;

    /// <summary>The rejected value, as given.</summary>
    public string Value { get; } = value;

    /// <summary>Why it was rejected.</summary>
    public string Problem { get; } = problem;

    // Keeps control characters and very long inputs from garbling the message or the log line.
    private static string Printable(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}
