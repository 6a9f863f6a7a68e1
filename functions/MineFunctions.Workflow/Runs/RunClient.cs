using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Runs;

/// <summary>
/// The one way both hosts start and follow runs: the Functions triggers (with the host's
/// <see cref="DurableTaskClient"/>) and `mine` (with the local engine's). Starts
/// <see cref="RefreshOrchestrator"/> under a deterministic id once, by a <see cref="RunStartPolicy"/>;
/// reads a run's status with its failure reason; pages its per-asset outcomes from the Runs table.
/// </summary>
public sealed class RunClient(DurableTaskClient client, ResultTableStore tables, TimeProvider? time = null, ILogger? logger = null)
{
    /// <summary>Page size when the caller names none.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Largest page (the Table service returns at most 1,000 rows per request).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Runs per page of <see cref="ListRunsAsync"/> when the caller names none.</summary>
    public const int DefaultRunPageSize = 20;

    /// <summary>Largest page of <see cref="ListRunsAsync"/> (each run listed costs one status read).</summary>
    public const int MaxRunPageSize = 100;

    /// <summary>Most active runs the first page of <see cref="ListRunsAsync"/> looks for (instances scanned, sub-orchestrations included).</summary>
    private const int MaxActiveScanned = 2000;

    /// <summary>Failed assets a status lists with their reasons (the rest are paged).</summary>
    public const int FailedAssetsShown = 10;

    private static readonly JsonSerializerOptions Payloads = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The engine's client (schedule, purge, terminate) for what this class does not cover.</summary>
    public DurableTaskClient Durable => client;

    /// <summary>Starts <paramref name="request"/> under its <see cref="RefreshRequest.RunId"/> unless the policy keeps the existing instance.</summary>
    public Task<RunStart> StartAsync(RefreshRequest request, RunStartPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        request.Settings.Validate();
        return StartAsync(request.RunId, policy, ct => ScheduleAsync(request, ct), cancellationToken);
    }

    /// <summary>
    /// Starts the month's <see cref="MonthlyOrchestrator"/> under <paramref name="instanceId"/> unless
    /// the policy keeps the existing instance; its refresh then runs under <see cref="RefreshRequest.RunId"/>.
    /// </summary>
    public Task<RunStart> StartMonthlyAsync(string instanceId, MonthlyRequest request, RunStartPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        request.Refresh.Settings.Validate();
        return StartAsync(instanceId, policy, async ct =>
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(MonthlyOrchestrator), request, new StartOrchestrationOptions(instanceId), ct);
            _logger.LogInformation("Started the monthly chain {InstanceId} (acquisition {Acquisition}) for run {RunId}",
                instanceId, request.Acquisition is null ? "off" : "on", request.Refresh.RunId);
        }, cancellationToken);
    }

    private async Task<RunStart> StartAsync(string id, RunStartPolicy policy, Func<CancellationToken, Task> schedule, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (existing is null)
        {
            await schedule(cancellationToken);
            return new RunStart(id, RunStartStatus.Started, "new instance");
        }

        switch (existing.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended:
                var age = _time.GetUtcNow() - existing.CreatedAt;
                if (policy.StaleAfter is not { } staleAfter || age <= staleAfter)
                    return new RunStart(id, RunStartStatus.AlreadyRunning, $"instance is {existing.RuntimeStatus} since {existing.CreatedAt:u}");
                _logger.LogWarning(
                    "Run {InstanceId} has been {RuntimeStatus} since {CreatedAt:u} ({Age}), longer than the stale age {StaleAge}: terminating and starting it again",
                    id, existing.RuntimeStatus, existing.CreatedAt, age, staleAfter);
                if (!await TerminateAsync(id, policy.TerminateWait, cancellationToken))
                    return new RunStart(id, RunStartStatus.TerminationPending, $"stale instance (age {age}) did not terminate within {policy.TerminateWait}");
                await PurgeAsync(id, cancellationToken);
                await schedule(cancellationToken);
                return new RunStart(id, RunStartStatus.RestartedStale, $"stale instance created {existing.CreatedAt:u} was terminated");

            case OrchestrationRuntimeStatus.Completed when !policy.RestartCompleted:
                return new RunStart(id, RunStartStatus.AlreadyDone, "instance already completed");

            case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated when !policy.RestartFailed:
                return new RunStart(id, RunStartStatus.AlreadyDone, $"instance already {existing.RuntimeStatus}");

            default:
                _logger.LogInformation("Run {InstanceId} is {RuntimeStatus}: purging it and starting again", id, existing.RuntimeStatus);
                await PurgeAsync(id, cancellationToken);
                await schedule(cancellationToken);
                return new RunStart(id, RunStartStatus.Restarted, $"previous instance was {existing.RuntimeStatus}");
        }
    }

    /// <summary>The run's status with its first failed assets, or null when no instance has that id.</summary>
    public async Task<RunStatus?> GetStatusAsync(string runId, CancellationToken cancellationToken = default)
    {
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null) return null;
        var status = ToStatus(instance);
        if ((status.Result?.AssetsFailed ?? status.Progress?.AssetsFailed ?? 0) == 0) return status;
        var failed = await GetAssetsAsync(runId, AssetOutcome.Failed, null, FailedAssetsShown, cancellationToken);
        return status with { FailedAssets = failed.Assets };
    }

    /// <summary>
    /// One page of the run's per-asset outcomes in asset order (<paramref name="status"/>: null for
    /// all, else see <see cref="AssetStatusFilter"/>). <paramref name="continuation"/> is the token of
    /// the previous page; a filtered page can hold fewer than <paramref name="pageSize"/> outcomes
    /// and still be followed by another. Throws <see cref="ArgumentException"/> for a token this class did not issue.
    /// </summary>
    public async Task<AssetOutcomePage> GetAssetsAsync(string runId, string? status, string? continuation, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxPageSize) throw new ArgumentException($"The page size must be between 1 and {MaxPageSize}.");
        var (rows, next) = await tables.QueryRunPageAsync(runId, AssetStatusFilter.Parse(status), DecodeToken(continuation), pageSize, cancellationToken);
        return new AssetOutcomePage(
            [.. rows.Select(r => new AssetOutcome(r.AssetId, r.Status, r.Pairs, r.RejectedPairs, r.Error))],
            string.IsNullOrEmpty(next) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(next)));
    }

    /// <summary>Every per-asset outcome of the run (page after page), in asset order.</summary>
    public async IAsyncEnumerable<AssetOutcome> ListAssetsAsync(string runId, string? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await GetAssetsAsync(runId, status, continuation, MaxPageSize, cancellationToken);
            foreach (var asset in page.Assets) yield return asset;
            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// One page of runs: those filed in the Runs table (one row per finished asset), in run id order,
    /// each with its engine status. The first page (no <paramref name="continuation"/>) starts with
    /// the runs the engine has pending or running, so a run shows before its first asset is filed.
    /// Throws <see cref="ArgumentException"/> for a bad page size or a token this class did not issue.
    /// </summary>
    public async Task<RunListPage> ListRunsAsync(string? continuation, int pageSize = DefaultRunPageSize, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxRunPageSize) throw new ArgumentException($"The page size must be between 1 and {MaxRunPageSize}.");
        var after = DecodeToken(continuation);
        var runs = new List<RunSummary>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        if (after is null)
        {
            foreach (var active in await ActiveRunsAsync(cancellationToken))
            {
                if (listed.Add(active.InstanceId)) runs.Add(RunSummary.Of(ToStatus(active)));
            }
        }
        var ids = await tables.RunIdsAfterAsync(after, pageSize, cancellationToken);
        foreach (var id in ids.Where(listed.Add))
        {
            runs.Add(await GetStatusAsync(id, cancellationToken) is { } status
                ? RunSummary.Of(status)
                : new RunSummary(id, RunSummary.Unknown, null, null, null, null, null, null));
        }
        return new RunListPage(runs, ids.Count == pageSize ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ids[^1])) : null);
    }

    /// <summary>Top-level instances that are pending, running or suspended (sub-orchestrations, ids RUN:ASSET, left out).</summary>
    private async Task<IReadOnlyList<OrchestrationMetadata>> ActiveRunsAsync(CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
            PageSize = 500,
            FetchInputsAndOutputs = true,
        };
        var active = new List<OrchestrationMetadata>();
        var scanned = 0;
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            // The status filter is checked again: a backend that ignores it must not list finished runs here.
            if (!instance.InstanceId.Contains(':', StringComparison.Ordinal)
                && instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
                active.Add(instance);
            if (++scanned >= MaxActiveScanned) break;
        }
        return [.. active.OrderByDescending(a => a.CreatedAt)];
    }

    /// <summary>The status of an instance's metadata (read with its inputs and outputs).</summary>
    public static RunStatus ToStatus(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new RunStatus(
            instance.InstanceId, instance.RuntimeStatus, instance.CreatedAt, instance.LastUpdatedAt,
            Read<RefreshRequest>(instance.SerializedInput)?.Trigger,
            Read<RunProgress>(instance.SerializedCustomStatus) is { Stage: not null } p ? p : null,
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && Read<RefreshResult>(instance.SerializedOutput) is { RunId: not null } r ? r : null,
            FailureReasons.Of(instance));
    }

    private async Task ScheduleAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RefreshOrchestrator), request, new StartOrchestrationOptions(request.RunId), cancellationToken);
        _logger.LogInformation(
            "Started run {InstanceId} ({Trigger}) for {AssetCount} asset(s) (0 = all), algorithm {AlgorithmVersion}",
            request.RunId, request.Trigger, request.AssetIds.Count, request.Settings.AlgorithmVersion);
    }

    /// <summary>The run and its per-asset sub-orchestrations (ids RUN:ASSET), so a new start finds none of the old ones.</summary>
    private Task PurgeAsync(string id, CancellationToken cancellationToken) =>
        client.PurgeInstanceAsync(id, new PurgeInstanceOptions(Recursive: true), cancellationToken);

    /// <summary>Terminates and waits (bounded) until the instance is no longer running, so the purge can succeed.</summary>
    private async Task<bool> TerminateAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        await client.TerminateInstanceAsync(id, "stale run replaced by a new start", cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError("Stale run {InstanceId} did not terminate within {Wait}; the next start will try again", id, wait);
            return false;
        }
    }

    /// <summary>Continuation tokens travel base64url-encoded (URL-safe); anything else was not issued here.</summary>
    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            if (token.Length <= 2048)
            {
                var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
                if (text.Length > 0 && text.All(c => c is >= ' ' and <= '~')) return text;
            }
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException("The continuation token is not one this service issued.");
    }

    /// <summary>Payloads written by another version of the workflow may not fit today's records: show what can be read.</summary>
    private static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, Payloads);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
