using System.Text.Json;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// A response of the API, independent of the host: status, headers and either a JSON body (serialized
/// once, here, so both hosts send the same bytes) or a product stream. Each host copies it onto its
/// own HTTP response with <see cref="WriteAsync"/>.
/// </summary>
public sealed class ApiResponse
{
    /// <summary>Media type of JSON bodies.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    private ApiResponse(int status, string contentType, object? value, Stream? content, IReadOnlyDictionary<string, string> headers)
    {
        Status = status;
        ContentType = contentType;
        Value = value;
        Content = content;
        Headers = headers;
    }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Media type of the body.</summary>
    public string ContentType { get; }

    /// <summary>The JSON body's value (null for a stream).</summary>
    public object? Value { get; }

    /// <summary>The body of a product (disposed after writing); null for JSON.</summary>
    public Stream? Content { get; }

    /// <summary>Extra headers (Location, Content-Disposition).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>A JSON body.</summary>
    public static ApiResponse Json(int status, object value, string contentType = JsonContentType, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, contentType, value, null, headers ?? new Dictionary<string, string>());

    /// <summary>A streamed product; with <paramref name="downloadName"/> it is offered as an attachment of that name.</summary>
    public static ApiResponse Stream(Stream content, string contentType, string? downloadName = null) =>
        new(200, contentType, null, content, downloadName is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename={downloadName}" });

    /// <summary>A 200 body of any media type with extra headers (the results page and its security headers).</summary>
    public static ApiResponse Bytes(byte[] content, string contentType, IReadOnlyDictionary<string, string> headers) =>
        new(200, contentType, null, new MemoryStream(content, writable: false), headers);

    /// <summary>The JSON body as it goes on the wire (web defaults: camelCase).</summary>
    public byte[] JsonBytes() =>
        Value is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Value, Value.GetType(), JsonDefaults.Payloads);

    /// <summary>Writes status, Content-Type, headers and body through the host's own response.</summary>
    public async Task WriteAsync(Action<int> setStatus, Action<string, string> setHeader, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setStatus);
        ArgumentNullException.ThrowIfNull(setHeader);
        ArgumentNullException.ThrowIfNull(body);
        setStatus(Status);
        setHeader("Content-Type", ContentType);
        foreach (var (name, value) in Headers) setHeader(name, value);
        if (Content is { } content)
        {
            await using (content) await content.CopyToAsync(body, cancellationToken);
        }
        else
        {
            await body.WriteAsync(JsonBytes(), cancellationToken);
        }
    }
}
