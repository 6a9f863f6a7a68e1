using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>POST /api/runs</c> with an optional body <c>{ "assets": ["a", "b"] }</c>: starts a run over
/// those assets (all when absent or empty). 202 with the run id and status URL; 409 when the same
/// run (same asset list) is already running; 400 for a malformed body or id; 413 over 64 KiB.
/// </summary>
public sealed class StartRunTrigger(RunClients runs, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline)
{
    /// <summary>Largest accepted body.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Most assets one request may list.</summary>
    public const int MaxAssets = 1000;

    /// <summary>HTTP entry point.</summary>
    [Function(nameof(StartRunTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null) return Problems.TooLarge($"The body is larger than {MaxBodyBytes} bytes.", request);

        var assets = ParseAssets(body, out var error);
        if (assets is null) return Problems.BadRequest(error!, request);

        var runId = RunIds.ForAssets(assets);
        var runRequest = new RefreshRequest(runId, assets, pipeline.Value.ToSettings(), "http");
        // An explicit request wants a fresh run: a finished one is replaced, a running one is a conflict.
        var policy = RunStartPolicy.ExplicitRequest(options.Value.StaleRunAge, options.Value.TerminateWait);
        var start = await runs.For(client).StartAsync(runRequest, policy, cancellationToken);
        if (!start.StartedNew)
            return Problems.Conflict($"Run '{runId}' is already running ({start.Reason}).", request);

        var statusUri = $"{request.Scheme}://{request.Host}/api/runs/{runId}";
        return new AcceptedResult(statusUri, new RunAccepted(runId, statusUri, start.Status.ToString(), assets));
    }

    /// <summary>The distinct, sorted asset ids of a body, or null with <paramref name="error"/> set.</summary>
    public static IReadOnlyList<string>? ParseAssets(ReadOnlySpan<byte> body, out string? error)
    {
        error = null;
        if (body.Trim(" \t\r\n"u8).IsEmpty) return [];
        StartRunBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<StartRunBody>(body, JsonDefaults.StrictBodies);
        }
        catch (JsonException e)
        {
            error = $"The body is not a valid {{ \"assets\": [...] }} object: {e.Message}";
            return null;
        }

        var assets = parsed?.Assets ?? [];
        if (assets.Count > MaxAssets)
        {
            error = $"At most {MaxAssets} assets per run; the body lists {assets.Count}.";
            return null;
        }
        foreach (var asset in assets)
        {
            if (!AssetIds.IsValid(asset, out var reason))
            {
                error = $"Invalid asset id '{Truncate(asset)}': {reason}.";
                return null;
            }
        }
        return assets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Truncate(string? value) =>
        value is null ? "null" : value.Length <= AssetIds.MaxLength ? value : value[..AssetIds.MaxLength] + "…";
}
