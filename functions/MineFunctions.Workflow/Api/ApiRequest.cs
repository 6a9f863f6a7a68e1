namespace MineFunctions.Workflow.Api;

/// <summary>
/// What the API reads of an HTTP request, whichever host received it (the Functions app or `mine serve`).
/// </summary>
/// <param name="BaseUri">scheme://host[:port] the client used: links in responses point back there.</param>
/// <param name="Path">The request path (the problem's <c>instance</c>).</param>
/// <param name="Query">Query parameters; a repeated one is its values joined with ','; present but empty is "".</param>
public sealed record ApiRequest(string BaseUri, string Path, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>The parameter's value, or null when absent.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
