using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/runs?pageSize=20&amp;continuation=…</c>: runs with their status, a page at a time
/// (<see cref="RunClient.ListRunsAsync"/>: pending and running ones first, then those filed in the
/// Runs table in id order). Follow <c>next</c> until it is null. 400 for a bad page size or token.
/// </summary>
public sealed class RunListTrigger(RunClients runs)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunListTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        string? continuation = request.Query["continuation"];
        var pageSize = RunClient.DefaultRunPageSize;
        if (request.Query.TryGetValue("pageSize", out var size) &&
            (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > RunClient.MaxRunPageSize))
            return Problems.BadRequest($"pageSize must be a whole number from 1 to {RunClient.MaxRunPageSize}.", request);
        RunListPage page;
        try
        {
            page = await runs.For(client).ListRunsAsync(continuation, pageSize, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, request);
        }
        var next = page.Continuation is null
            ? null
            : $"{request.Scheme}://{request.Host}/api/runs?continuation={Uri.EscapeDataString(page.Continuation)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
        return new OkObjectResult(new RunListView(page.Runs, page.Continuation, next));
    }
}
