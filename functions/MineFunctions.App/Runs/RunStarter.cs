using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Runs;

/// <summary>
/// Starts <c>RefreshOrchestrator</c> under a deterministic instance id, once: an existing instance
/// is kept or replaced according to a <see cref="RunStartPolicy"/>, so duplicate timer ticks, blob
/// events and HTTP calls start nothing new (ARCHITECTURE.md convention 4).
/// </summary>
public sealed class RunStarter(TimeProvider time, ILogger<RunStarter> logger)
{
    /// <summary>Starts <paramref name="request"/> under its <see cref="RefreshRequest.RunId"/> unless the policy keeps the existing instance.</summary>
    public async Task<RunStart> StartAsync(
        DurableTaskClient client, RefreshRequest request, RunStartPolicy policy, TimeSpan terminateWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var id = request.RunId;
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (existing is null)
        {
            await ScheduleAsync(client, request, cancellationToken);
            return new RunStart(id, RunStartStatus.Started, "new instance");
        }

        switch (existing.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended:
                var age = time.GetUtcNow() - existing.CreatedAt;
                if (policy.StaleAfter is not { } staleAfter || age <= staleAfter)
                    return new RunStart(id, RunStartStatus.AlreadyRunning, $"instance is {existing.RuntimeStatus} since {existing.CreatedAt:u}");
                logger.LogWarning(
                    "Run {InstanceId} has been {RuntimeStatus} since {CreatedAt:u} ({Age}), longer than the stale age {StaleAge}: terminating and starting it again",
                    id, existing.RuntimeStatus, existing.CreatedAt, age, staleAfter);
                if (!await TerminateAsync(client, id, terminateWait, cancellationToken))
                    return new RunStart(id, RunStartStatus.TerminationPending, $"stale instance (age {age}) did not terminate within {terminateWait}");
                await client.PurgeInstanceAsync(id, cancellationToken);
                await ScheduleAsync(client, request, cancellationToken);
                return new RunStart(id, RunStartStatus.RestartedStale, $"stale instance created {existing.CreatedAt:u} was terminated");

            case OrchestrationRuntimeStatus.Completed when !policy.RestartCompleted:
                return new RunStart(id, RunStartStatus.AlreadyDone, "instance already completed");

            case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated when !policy.RestartFailed:
                return new RunStart(id, RunStartStatus.AlreadyDone, $"instance already {existing.RuntimeStatus}");

            default:
                logger.LogInformation("Run {InstanceId} is {RuntimeStatus}: purging it and starting again", id, existing.RuntimeStatus);
                await client.PurgeInstanceAsync(id, cancellationToken);
                await ScheduleAsync(client, request, cancellationToken);
                return new RunStart(id, RunStartStatus.Restarted, $"previous instance was {existing.RuntimeStatus}");
        }
    }

    private async Task ScheduleAsync(DurableTaskClient client, RefreshRequest request, CancellationToken cancellationToken)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(
            OrchestratorNames.Refresh, request, new StartOrchestrationOptions(request.RunId), cancellationToken);
        logger.LogInformation(
            "Started run {InstanceId} ({Trigger}) for {AssetCount} asset(s) (0 = all), algorithm {AlgorithmVersion}",
            request.RunId, request.Trigger, request.AssetIds.Count, request.Settings.AlgorithmVersion);
    }

    /// <summary>Terminates and waits (bounded) until the instance is no longer running, so the purge can succeed.</summary>
    private async Task<bool> TerminateAsync(DurableTaskClient client, string id, TimeSpan wait, CancellationToken cancellationToken)
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
            logger.LogError("Stale run {InstanceId} did not terminate within {Wait}; the next start will try again", id, wait);
            return false;
        }
    }
}
