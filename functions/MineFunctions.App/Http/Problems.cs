using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MineFunctions.App.Http;

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) for every HTTP error of the app.</summary>
public static class Problems
{
    /// <summary>The media type of every error body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem response with <paramref name="status"/>, a short title and a specific detail.</summary>
    public static ObjectResult Create(int status, string title, string detail, HttpRequest? request = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Instance = request?.Path.Value,
        };
        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    /// <summary>400: the request itself is malformed (bad id, bad JSON, too many assets).</summary>
    public static ObjectResult BadRequest(string detail, HttpRequest? request = null) =>
        Create(StatusCodes.Status400BadRequest, "Bad request", detail, request);

    /// <summary>404: the run, asset or product does not exist.</summary>
    public static ObjectResult NotFound(string detail, HttpRequest? request = null) =>
        Create(StatusCodes.Status404NotFound, "Not found", detail, request);

    /// <summary>409: the run is already running.</summary>
    public static ObjectResult Conflict(string detail, HttpRequest? request = null) =>
        Create(StatusCodes.Status409Conflict, "Conflict", detail, request);

    /// <summary>413: the body is larger than the endpoint accepts.</summary>
    public static ObjectResult TooLarge(string detail, HttpRequest? request = null) =>
        Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail, request);
}
