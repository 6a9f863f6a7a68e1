using System.Text.RegularExpressions;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;

namespace MineFunctions.App.Tests;

/// <summary><c>GET /api/ui</c>: the results page is served whole, as HTML, and can load nothing from elsewhere.</summary>
public sealed class UiTriggerTests
{
    private static async Task<(string Html, string? ContentType, Microsoft.AspNetCore.Http.HttpResponse Response)> GetAsync()
    {
        var request = HttpTestContext.Request("GET", "/api/ui");
        var (status, contentType, body) = await HttpTestContext.ExecuteAsync(new PageTriggers().Ui(request), request);
        Assert.Equal(200, status);
        return (body, contentType, request.HttpContext.Response);
    }

    [Fact]
    public async Task ThePageIsServedAsHtmlWithAPolicyThatAllowsOnlyItsOwnOrigin()
    {
        var (html, contentType, response) = await GetAsync();

        Assert.Equal("text/html; charset=utf-8", contentType);
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
    }

    [Fact]
    public async Task ThePageReferencesNoOtherOrigin_SoItWorksOffline()
    {
        var (html, _, _) = await GetAsync();

        // No external script, style sheet, font or image: every src/href is built at run time from the page's own origin.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|url\(\s*[""']?https?:", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePagePassesTheKeyItWasLoadedWithToItsCalls()
    {
        var (html, _, _) = await GetAsync();

        // One URL builder for every call, image and download; it adds ?code= when the page had one.
        Assert.Contains("const key = params.get(\"code\");", html, StringComparison.Ordinal);
        Assert.Contains("if (key) u.searchParams.set(\"code\", key);", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"fetch\((?!url\()"), html);
    }
}
