using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using MineFunctions.Workflow.Api;

namespace MineFunctions.Cli.Serving;

/// <summary>
/// The key of `mine serve`, checked as the Functions host checks a function key: the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter. Every route of the API needs it,
/// as every HTTP trigger of the app is <c>AuthorizationLevel.Function</c>.
/// </summary>
internal sealed class ApiKey
{
    /// <summary>Environment variable with the key when <c>--key</c> is not given.</summary>
    public const string Variable = "MINEFUNCTIONS_SERVE_KEY";

    /// <summary>The header the Functions host reads a key from.</summary>
    public const string Header = "x-functions-key";

    /// <summary>The query parameter the Functions host reads a key from.</summary>
    public const string QueryParameter = "code";

    /// <summary>Shortest key accepted from the user: a short key is guessable over the network.</summary>
    public const int MinLength = 16;

    private readonly byte[] _key;

    public ApiKey(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < MinLength)
            throw new ArgumentException($"The key must be at least {MinLength} characters.");
        Value = value;
        _key = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The key itself (printed once at start when generated).</summary>
    public string Value { get; }

    /// <summary>A new random key: 32 bytes, base64url (the size of a Functions host key).</summary>
    public static ApiKey Generate() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    /// <summary>True when the request carries this key (compared in constant time).</summary>
    public bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? given = request.Headers[Header];
        if (string.IsNullOrEmpty(given)) given = request.Query[QueryParameter];
        return !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key);
    }

    /// <summary>The 401 of a request without the key.</summary>
    public static ApiResponse Refusal(string path) =>
        Problems.Unauthorized($"This API needs its key: the '{Header}' header or the '{QueryParameter}' query parameter.",
            new ApiRequest("", path, new Dictionary<string, string>()));
}
