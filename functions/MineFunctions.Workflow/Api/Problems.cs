using System.Text.Json.Serialization;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// An RFC 9457 problem body, with the members and order of ASP.NET Core's ProblemDetails (so the
/// JSON is what the Functions app always returned), written by both hosts.
/// </summary>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance);

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) for every HTTP error of the API.</summary>
public static class Problems
{
    /// <summary>The media type of every error body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem response with <paramref name="status"/>, a short title and a specific detail; the instance is the request's path.</summary>
    public static ApiResponse Create(int status, string title, string detail, ApiRequest? request = null) =>
        ApiResponse.Json(status, new ApiProblem($"https://www.rfc-editor.org/rfc/rfc9110#status.{status}", title, status, detail, request?.Path), ContentType);

    /// <summary>400: the request itself is malformed (bad id, bad JSON, too many assets).</summary>
    public static ApiResponse BadRequest(string detail, ApiRequest? request = null) => Create(400, "Bad request", detail, request);

    /// <summary>401: no key, or a wrong one (`mine serve`; the Functions host answers this itself).</summary>
    public static ApiResponse Unauthorized(string detail, ApiRequest? request = null) => Create(401, "Unauthorized", detail, request);

    /// <summary>404: the run, asset or product does not exist.</summary>
    public static ApiResponse NotFound(string detail, ApiRequest? request = null) => Create(404, "Not found", detail, request);

    /// <summary>409: the run is already running.</summary>
    public static ApiResponse Conflict(string detail, ApiRequest? request = null) => Create(409, "Conflict", detail, request);

    /// <summary>413: the body is larger than the endpoint accepts.</summary>
    public static ApiResponse TooLarge(string detail, ApiRequest? request = null) => Create(413, "Payload too large", detail, request);
}
