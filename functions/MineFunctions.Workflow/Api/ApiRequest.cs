namespace MineFunctions.Workflow.Api;

/// <summary>
/// What the API reads of an HTTP request, whichever host received it (the Functions app or `mine serve`).
/// </summary>
/// <param name="BaseUri">scheme://host[:port] the client used: links in responses point back there.</param>
/// <param name="Path">The request path (the problem's <c>instance</c>).</param>
/// <param name="Query">Query parameters; a repeated one is its values joined with ','; present but empty is "".</param>
public sealed record ApiRequest(string BaseUri, string Path, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>A request from its parts as a host has them; query values as the host joins repeated ones.</summary>
    public static ApiRequest Of(string scheme, string host, string? path, IEnumerable<KeyValuePair<string, string>> query) =>
        new($"{scheme}://{host}", path ?? "", query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal));

    /// <summary>The parameter's value, or null when absent.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
