using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/runs?pageSize=20&amp;continuation=…</c>: <see cref="RunsApi.ListAsync"/>.</summary>
public sealed class RunListTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunListTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        AppApi.Result(await RunsApi.ListAsync(AppApi.Request(request), runs.For(client), cancellationToken));
}
