using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Ui;

namespace MineFunctions.Cli.Serving;

/// <summary>
/// `mine serve`'s adapter over the host-neutral API: the same routes (<see cref="ApiRoutes"/>), JSON
/// and problem+json as the Functions app, because both call <see cref="RunsApi"/>, <see cref="ResultsApi"/>
/// and <see cref="HealthReport"/>. Every route is registered in <see cref="Map"/>.
/// </summary>
internal static class ServeRoutes
{
    /// <summary>Maps every route under /api; the key check runs before them (<see cref="ServeHost"/>).</summary>
    public static void Map(IEndpointRouteBuilder endpoints, ServeContext serve)
    {
        var api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Health, (HttpContext c) => SendAsync(c, Task.FromResult(HealthReport.Of(typeof(ServeRoutes).Assembly))));
        api.MapPost(ApiRoutes.Runs, (HttpContext c) => SendAsync(c, serve.Runs.StartAsync(Request(c), c.Request.Body, c.Request.ContentLength, serve.Client, c.RequestAborted)));
        api.MapGet(ApiRoutes.Run, (HttpContext c, string id) => SendAsync(c, RunsApi.StatusAsync(Request(c), id, serve.Client, c.RequestAborted)));
        api.MapGet(ApiRoutes.RunAssets, (HttpContext c, string id) => SendAsync(c, RunsApi.AssetsAsync(Request(c), id, serve.Client, c.RequestAborted)));
        api.MapGet(ApiRoutes.AssetResults, (HttpContext c, string asset) => SendAsync(c, serve.Results.AssetResultsAsync(Request(c), asset, c.RequestAborted)));
        api.MapGet(ApiRoutes.CompositePng, (HttpContext c, string asset) => SendAsync(c, serve.Results.CompositePngAsync(Request(c), asset, c.RequestAborted)));
        api.MapGet(ApiRoutes.SectorExport, (HttpContext c, string sector) => SendAsync(c, serve.Results.SectorExportAsync(Request(c), sector, c.RequestAborted)));
        // The results page and the read routes it uses (docs/RESULTS-PAGE.md).
        api.MapGet(ApiRoutes.Ui, (HttpContext c) => SendAsync(c, Task.FromResult(ResultsPage.Response())));
        api.MapGet(ApiRoutes.Runs, (HttpContext c) => SendAsync(c, RunsApi.ListAsync(Request(c), serve.Client, c.RequestAborted)));
        api.MapGet(ApiRoutes.AssetProducts, (HttpContext c, string asset) => SendAsync(c, serve.Results.AssetProductsAsync(Request(c), asset, c.RequestAborted)));
        api.MapGet(ApiRoutes.AssetProduct, (HttpContext c, string asset, string name) => SendAsync(c, serve.Results.AssetProductAsync(Request(c), asset, name, c.RequestAborted)));
        api.MapGet(ApiRoutes.AssetPairs, (HttpContext c, string asset) => SendAsync(c, serve.Results.AssetPairsAsync(Request(c), asset, c.RequestAborted)));
        api.MapGet(ApiRoutes.Exports, (HttpContext c) => SendAsync(c, serve.Results.ExportsAsync(c.RequestAborted)));
        api.MapGet(ApiRoutes.ExportFile, (HttpContext c, string name) => SendAsync(c, serve.Results.ExportFileAsync(Request(c), name, c.RequestAborted)));
    }

    /// <summary>The request as the API reads it.</summary>
    public static ApiRequest Request(HttpContext context)
    {
        var request = context.Request;
        return ApiRequest.Of(request.Scheme, request.Host.ToString(), request.Path.Value, request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())));
    }

    /// <summary>Writes the API's response onto Kestrel's.</summary>
    public static async Task SendAsync(HttpContext context, Task<ApiResponse> response)
    {
        var http = context.Response;
        await (await response).WriteAsync(s => http.StatusCode = s, (k, v) => http.Headers[k] = v, http.Body, context.RequestAborted);
    }
}

/// <summary>What the routes of `mine serve` work with: the run client over the local engine, the API objects of the settings in force.</summary>
internal sealed record ServeContext(RunClient Client, RunsApi Runs, ResultsApi Results);
