using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The run routes, each a one-line call into <see cref="RunsApi"/> over the run client of the
/// invocation's Durable client. Function names as published before (see <see cref="ResultTriggers"/>).
/// </summary>
public sealed class RunTriggers(RunClients runs, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline)
{
    /// <summary><c>POST /api/runs</c> with an optional body <c>{ "assets": [...] }</c>: starts a run.</summary>
    [Function("StartRunTrigger")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        AppApi.Result(await new RunsApi(AppApi.Settings(options, pipeline))
            .StartAsync(AppApi.Request(request), request.Body, request.ContentLength, runs.For(client), cancellationToken));

    /// <summary><c>GET /api/runs?pageSize=20&amp;continuation=…</c>: recent runs, paged.</summary>
    [Function("RunListTrigger")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.ListAsync(AppApi.Request(request), runs.For(client), cancellationToken));

    /// <summary><c>GET /api/runs/{id}</c>: status, counts, the failure reason.</summary>
    [Function("RunStatusTrigger")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Run)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.StatusAsync(AppApi.Request(request), id, runs.For(client), cancellationToken));

    /// <summary><c>GET /api/runs/{id}/assets?status=failed&amp;continuation=…&amp;pageSize=100</c>: per-asset outcomes, paged.</summary>
    [Function("RunAssetsTrigger")]
    public async Task<IActionResult> AssetsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.RunAssets)] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.AssetsAsync(AppApi.Request(request), id, runs.For(client), cancellationToken));
}
