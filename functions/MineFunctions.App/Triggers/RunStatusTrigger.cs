using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.App.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/runs/{id}</c>: runtime status, progress counts, the result counts of a completed run,
/// the failure reason of a failed one, and where its per-asset outcomes are paged. 404 for an
/// unknown run, 400 for an id outside the allowlist.
/// </summary>
public sealed class RunStatusTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunStatusTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!InstanceIdRules.IsValid(id, out var reason)) return Problems.BadRequest(reason, request);
        var status = await runs.For(client).GetStatusAsync(id, cancellationToken);
        if (status is null) return Problems.NotFound($"No run '{id}'.", request);
        return new OkObjectResult(RunStatusView.Of(status, $"{request.Scheme}://{request.Host}"));
    }
}
