using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Http;

/// <summary>
/// The Functions app's adapter over the host-neutral API (<see cref="MineFunctions.Workflow.Api"/>):
/// an ASP.NET Core request in, an <see cref="IActionResult"/> out. `mine serve` has its own adapter
/// over the same API.
/// </summary>
public static class AppApi
{
    /// <summary>The request as the API reads it.</summary>
    public static ApiRequest Request(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiRequest.Of(request.Scheme, request.Host.ToString(), request.Path.Value, request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())));
    }

    /// <summary>The app's configuration as the API and the triggers read it.</summary>
    public static ApiSettings Settings(IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        return new ApiSettings(pipeline.Value.ToSettings(), options.Value.StaleRunAge, options.Value.TerminateWait);
    }

    /// <summary>An action result that writes <paramref name="response"/> as it is.</summary>
    public static IActionResult Result(ApiResponse response) => new ApiActionResult(response);

    /// <summary>Writes the API's response onto the host's HTTP response.</summary>
    public sealed class ApiActionResult(ApiResponse response) : IActionResult
    {
        /// <summary>What is written.</summary>
        public ApiResponse Response => response;

        /// <inheritdoc />
        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var http = context.HttpContext.Response;
            return response.WriteAsync(s => http.StatusCode = s, (k, v) => http.Headers[k] = v, http.Body, context.HttpContext.RequestAborted);
        }
    }
}
