using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// A loopback HTTP proxy in front of the test's Azurite (blob, queue and table, each on a port the OS
/// gives) that fails requests on purpose: every <c>errorEvery</c>-th request is answered 503 Server
/// Busy, and every <c>dropEvery</c>-th has its connection dropped with no answer (what a client sees
/// of a request that never comes back). A faulted request never reaches Azurite, so what is measured
/// is whether the clients retry, not whether storage is idempotent. Everything else is forwarded
/// byte for byte (the shared-key signature covers the headers, so none is changed).
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Proxy-Connection", "Upgrade", "Expect",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Dictionary<int, Uri> _targets = [];
    private readonly int _errorEvery;
    private readonly int _dropEvery;
    private int _requests;
    private int _errors;
    private int _drops;

    private FaultInjectingProxy(WebApplication app, int errorEvery, int dropEvery) => (_app, _errorEvery, _dropEvery) = (app, errorEvery, dropEvery);

    /// <summary>The storage connection string with every endpoint pointed at the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public int InjectedErrors => Volatile.Read(ref _errors);

    public int InjectedDrops => Volatile.Read(ref _drops);

    public static async Task<FaultInjectingProxy> StartAsync(string connectionString, int errorEvery, int dropEvery)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var i = 0; i < 3; i++) k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new FaultInjectingProxy(app, errorEvery, dropEvery);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();

        var ports = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Select(a => new Uri(a).Port).ToList();
        var rewritten = connectionString;
        var services = new[] { "BlobEndpoint", "QueueEndpoint", "TableEndpoint" };
        for (var i = 0; i < services.Length; i++)
        {
            var match = Regex.Match(connectionString, $"{services[i]}=(http://[^/;]+)(/[^;]*)");
            if (!match.Success) throw new InvalidOperationException($"The test storage connection string has no {services[i]}.");
            proxy._targets[ports[i]] = new Uri(match.Groups[1].Value);
            rewritten = rewritten.Replace(match.Value, $"{services[i]}=http://127.0.0.1:{ports[i]}{match.Groups[2].Value}", StringComparison.Ordinal);
        }
        proxy.ConnectionString = rewritten;
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        if (n % _dropEvery == 0)
        {
            Interlocked.Increment(ref _drops);
            context.Abort();
            return;
        }
        if (n % _errorEvery == 0)
        {
            Interlocked.Increment(ref _errors);
            context.Response.StatusCode = 503;
            context.Response.ContentType = "application/xml";
            context.Response.Headers["x-ms-error-code"] = "ServerBusy";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Injected by the test proxy.</Message></Error>");
            return;
        }

        // The request line as sent: Request.Path is decoded, and re-encoding it turns %3A back into ':',
        // which changes the signed resource (Azurite then answers 403 to the Instances row of run:chunk:0000).
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var target = new Uri(_targets[context.Connection.LocalPort] + rawTarget.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Content-Length"))
            request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
