using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// Follows one orchestration instance by polling <c>GetInstanceAsync(getInputsAndOutputs: true)</c>:
/// snappier than <c>WaitForInstanceCompletionAsync</c>, which polls every 2 s on the Azure Storage
/// backend (ENGINEERING-NOTES.md), and it reports custom-status changes (the run's progress) on the way.
/// </summary>
public static class InstanceWatcher
{
    /// <summary>
    /// Polls until the instance is completed, failed or terminated and returns its final metadata.
    /// <paramref name="onChange"/> runs whenever the runtime status or the custom status changes.
    /// An instance not visible yet (just scheduled) is waited for.
    /// </summary>
    public static async Task<OrchestrationMetadata> WaitForCompletionAsync(
        DurableTaskClient client,
        string instanceId,
        TimeSpan pollInterval,
        Action<OrchestrationMetadata>? onChange = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (pollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(pollInterval));
        OrchestrationRuntimeStatus? lastStatus = null;
        string? lastCustom = null;
        while (true)
        {
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (metadata is not null)
            {
                if (metadata.RuntimeStatus != lastStatus || metadata.SerializedCustomStatus != lastCustom)
                {
                    lastStatus = metadata.RuntimeStatus;
                    lastCustom = metadata.SerializedCustomStatus;
                    onChange?.Invoke(metadata);
                }
                if (metadata.IsCompleted) return metadata;
            }
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    /// <summary>Like <see cref="WaitForCompletionAsync"/>, reporting each new <see cref="RunProgress"/> from the custom status.</summary>
    public static Task<OrchestrationMetadata> WatchProgressAsync(
        DurableTaskClient client,
        string instanceId,
        Action<RunProgress> onProgress,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(client, instanceId, pollInterval ?? TimeSpan.FromMilliseconds(250), m =>
        {
            if (ReadProgress(m) is { } progress) onProgress(progress);
        }, cancellationToken);

    /// <summary>The run's progress from an instance's custom status, or null when it has none (or another shape).</summary>
    public static RunProgress? ReadProgress(OrchestrationMetadata metadata) => RunClient.ToStatus(metadata).Progress;
}
