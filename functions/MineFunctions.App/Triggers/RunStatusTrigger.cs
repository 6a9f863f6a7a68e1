using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/runs/{id}</c>: <see cref="RunsApi.StatusAsync"/>.</summary>
public sealed class RunStatusTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunStatusTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Run)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.StatusAsync(AppApi.Request(request), id, runs.For(client), cancellationToken));
}
