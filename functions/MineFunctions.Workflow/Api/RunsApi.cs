using System.Globalization;
using System.Text.Json;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// The run routes of the HTTP API, for both hosts: validation, the start policy, the views and the
/// problem responses. The host hands over the request and a <see cref="RunClient"/> over its Durable client.
/// </summary>
public sealed class RunsApi(ApiSettings settings)
{
    /// <summary>Largest accepted body of <c>POST /api/runs</c>.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Most assets one request may list.</summary>
    public const int MaxAssets = 1000;

    /// <summary>
    /// <c>POST /api/runs</c> with an optional body <c>{ "assets": ["a", "b"] }</c>: starts a run over
    /// those assets (all when absent or empty). 202 with the run id and status URL; 409 when the same
    /// run (same asset list) is already running; 400 for a malformed body or id; 413 over 64 KiB.
    /// </summary>
    public async Task<ApiResponse> StartAsync(ApiRequest request, Stream body, long? contentLength, RunClient runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        var bytes = await BoundedBody.ReadAsync(body, contentLength, MaxBodyBytes, cancellationToken);
        if (bytes is null) return Problems.TooLarge($"The body is larger than {MaxBodyBytes} bytes.", request);

        var assets = ParseAssets(bytes, out var error);
        if (assets is null) return Problems.BadRequest(error!, request);

        var runId = RunIds.ForAssets(assets);
        var runRequest = new RefreshRequest(runId, assets, settings.Snapshot, "http");
        // An explicit request wants a fresh run: a finished one is replaced, a running one is a conflict.
        var start = await runs.StartAsync(runRequest, RunStartPolicy.ExplicitRequest(settings.StaleRunAge, settings.TerminateWait), cancellationToken);
        if (!start.StartedNew)
            return Problems.Conflict($"Run '{runId}' is already running ({start.Reason}).", request);

        var statusUri = $"{request.BaseUri}/{ApiRoutes.Prefix}/runs/{runId}";
        return ApiResponse.Json(202, new RunAccepted(runId, statusUri, start.Status.ToString(), assets),
            headers: new Dictionary<string, string> { ["Location"] = statusUri });
    }

    /// <summary>
    /// <c>GET /api/runs/{id}</c>: runtime status, progress counts, the result counts of a completed run,
    /// the failure reason of a failed one, and where its per-asset outcomes are paged. 404 for an
    /// unknown run, 400 for an id outside the allowlist.
    /// </summary>
    public static async Task<ApiResponse> StatusAsync(ApiRequest request, string id, RunClient runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        if (!InstanceIdRules.IsValid(id, out var reason)) return Problems.BadRequest(reason, request);
        var status = await runs.GetStatusAsync(id, cancellationToken);
        return status is null
            ? Problems.NotFound($"No run '{id}'.", request)
            : ApiResponse.Json(200, RunStatusView.Of(status, request.BaseUri));
    }

    /// <summary>
    /// <c>GET /api/runs?pageSize=20&amp;continuation=…</c>: runs with their status, a page at a time
    /// (<see cref="RunClient.ListRunsAsync"/>: pending and running ones first, then those filed in the
    /// Runs table in id order). Follow <c>next</c> until it is null. 400 for a bad page size or token.
    /// </summary>
    public static async Task<ApiResponse> ListAsync(ApiRequest request, RunClient runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        if (PageSize(request, RunClient.DefaultRunPageSize, RunClient.MaxRunPageSize, out var pageSize) is { } bad) return bad;
        RunListPage page;
        try
        {
            page = await runs.ListRunsAsync(request.QueryValue("continuation"), pageSize, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, request);
        }
        var next = page.Continuation is null
            ? null
            : $"{request.BaseUri}/{ApiRoutes.Prefix}/{ApiRoutes.Runs}?continuation={Uri.EscapeDataString(page.Continuation)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
        return ApiResponse.Json(200, new RunListView(page.Runs, page.Continuation, next));
    }

    /// <summary>
    /// <c>GET /api/runs/{id}/assets?status=failed&amp;continuation=…&amp;pageSize=100</c>: a run's per-asset
    /// outcomes from the Runs table, a page at a time (status: all, succeeded or failed; pageSize 1–1000,
    /// default 100). Follow <c>next</c> until it is null. 400 for a bad id, status, page size or token;
    /// 404 when no run has that id and it filed no outcome.
    /// </summary>
    public static async Task<ApiResponse> AssetsAsync(ApiRequest request, string id, RunClient runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        if (!InstanceIdRules.IsValid(id, out var reason)) return Problems.BadRequest(reason, request);
        var status = request.QueryValue("status");
        var continuation = request.QueryValue("continuation");
        if (PageSize(request, RunClient.DefaultPageSize, RunClient.MaxPageSize, out var pageSize) is { } bad) return bad;

        AssetOutcomePage page;
        try
        {
            page = await runs.GetAssetsAsync(id, status, continuation, pageSize, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, request);
        }
        if (page.Assets.Count == 0 && page.Continuation is null && string.IsNullOrEmpty(continuation)
            && await runs.Durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            return Problems.NotFound($"No run '{id}'.", request);

        var next = page.Continuation is null
            ? null
            : $"{request.BaseUri}/{ApiRoutes.Prefix}/runs/{id}/assets?{QueryOf(status, page.Continuation, pageSize)}";
        return ApiResponse.Json(200, new RunAssetsView(id, page.Assets, page.Continuation, next));
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

    /// <summary>The <c>pageSize</c> query parameter (<paramref name="fallback"/> when absent), or a 400 when it is not a whole number from 1 to <paramref name="max"/>.</summary>
    private static ApiResponse? PageSize(ApiRequest request, int fallback, int max, out int pageSize)
    {
        pageSize = fallback;
        return request.QueryValue("pageSize") is { } size &&
            (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 || pageSize > max)
            ? Problems.BadRequest($"pageSize must be a whole number from 1 to {max}.", request)
            : null;
    }

    private static string QueryOf(string? status, string continuation, int pageSize) =>
        (string.IsNullOrEmpty(status) ? "" : $"status={Uri.EscapeDataString(status)}&") +
        $"continuation={Uri.EscapeDataString(continuation)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";

    private static string Truncate(string? value) =>
        value is null ? "null" : value.Length <= AssetIds.MaxLength ? value : value[..AssetIds.MaxLength] + "…";
}
