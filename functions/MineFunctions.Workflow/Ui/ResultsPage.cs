using MineFunctions.Workflow.Api;

namespace MineFunctions.Workflow.Ui;

/// <summary>
/// The results page (Ui/results.html, an embedded resource): one self-contained HTML file, served
/// as is by the Functions app (<c>GET /api/ui</c>) and by <c>mine serve</c>. Everything it shows it
/// fetches from the HTTP API with the key it was loaded with (docs/RESULTS-PAGE.md).
/// </summary>
public static class ResultsPage
{
    /// <summary>Media type of the page.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// The page loads nothing from another origin (no CDN, no tiles: it must work offline); its one
    /// script and style are inline. The policy makes that a promise the browser keeps.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>The page's UTF-8 bytes.</summary>
    public static ReadOnlyMemory<byte> Html => Bytes.Value;

    /// <summary>Headers to send with the page: its content policy, no MIME sniffing, no referrer (the URL holds the key).</summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    };

    /// <summary><c>GET /api/ui</c> on either host: the page with its headers.</summary>
    public static ApiResponse Response() => ApiResponse.Bytes(Bytes.Value, ContentType, Headers);

    private static byte[] Load()
    {
        const string name = "MineFunctions.Workflow.Ui.results.html";
        using var stream = typeof(ResultsPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(ResultsPage).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
