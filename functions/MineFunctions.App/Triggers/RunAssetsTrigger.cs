using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/runs/{id}/assets?status=failed&amp;continuation=…&amp;pageSize=100</c>: <see cref="RunsApi.AssetsAsync"/>.</summary>
public sealed class RunAssetsTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunAssetsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.RunAssets)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.AssetsAsync(AppApi.Request(request), id, runs.For(client), cancellationToken));
}
