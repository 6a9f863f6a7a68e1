using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/runs/{id}/assets?status=failed&amp;continuation=…&amp;pageSize=100</c>: a run's per-asset
/// outcomes from the Runs table, a page at a time (status: all, succeeded or failed; pageSize 1–1000,
/// default 100). Follow <c>next</c> until it is null. 400 for a bad id, status, page size or token;
/// 404 when no run has that id and it filed no outcome.
/// </summary>
public sealed class RunAssetsTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunAssetsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}/assets")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!InstanceIdRules.IsValid(id, out var reason)) return Problems.BadRequest(reason, request);
        string? status = request.Query["status"];
        string? continuation = request.Query["continuation"];
        var pageSize = RunClient.DefaultPageSize;
        if (request.Query.TryGetValue("pageSize", out var size) &&
            (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > RunClient.MaxPageSize))
            return Problems.BadRequest($"pageSize must be a whole number from 1 to {RunClient.MaxPageSize}.", request);

        var run = runs.For(client);
        AssetOutcomePage page;
        try
        {
            page = await run.GetAssetsAsync(id, status, continuation, pageSize, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, request);
        }
        if (page.Assets.Count == 0 && page.Continuation is null && string.IsNullOrEmpty(continuation)
            && await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            return Problems.NotFound($"No run '{id}'.", request);

        var next = page.Continuation is null
            ? null
            : $"{request.Scheme}://{request.Host}/api/runs/{id}/assets?{QueryOf(status, page.Continuation, pageSize)}";
        return new OkObjectResult(new RunAssetsView(id, page.Assets, page.Continuation, next));
    }

    private static string QueryOf(string? status, string continuation, int pageSize) =>
        (string.IsNullOrEmpty(status) ? "" : $"status={Uri.EscapeDataString(status)}&") +
        $"continuation={Uri.EscapeDataString(continuation)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
}
