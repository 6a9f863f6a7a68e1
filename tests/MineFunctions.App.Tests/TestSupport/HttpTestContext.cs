using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>Requests built on <see cref="DefaultHttpContext"/> and results executed as the ASP.NET Core integration would.</summary>
public static class HttpTestContext
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static HttpRequest Request(string method, string path, string? body = null, long? contentLength = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("mine.example");
        context.Request.Path = path;
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = contentLength ?? bytes.Length;
        context.Request.ContentType = "application/json";
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Executes <paramref name="result"/> and returns the status, content type and body text written.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.ContentType, body);
    }

    public static async Task<JsonElement> ProblemAsync(IActionResult result, HttpRequest request, int expectedStatus)
    {
        var (status, contentType, body) = await ExecuteAsync(result, request);
        Assert.Equal(expectedStatus, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(expectedStatus, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        return json;
    }
}
