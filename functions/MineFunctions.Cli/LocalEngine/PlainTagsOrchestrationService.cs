using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// Wraps a persistent backend (the Azure Storage one) for the 0.2.3 gRPC sidecar, whose
/// sub-orchestration and activity actions carry their tags as a protobuf <c>MapField</c>. The Azure
/// Storage backend serialises queue messages with Json.NET type names; a <c>MapField</c> type name
/// cannot be resolved when the message is read back, so the child's start message becomes a poison
/// message retried forever and the parent never completes (seen here: "Error resolving type specified
/// in JSON 'Google.Protobuf.Collections.MapField`2…'"). Copying the tags into a plain dictionary
/// before the backend sees them fixes it. Likewise the sidecar's own subclass of the
/// sub-orchestration-created history event is swapped for the plain event (see
/// <see cref="ReplaceSidecarEvents"/>). Work items taken and finished are reported to the optional
/// <see cref="WorkLog"/>. Every other call goes straight through.
/// </summary>
internal sealed class PlainTagsOrchestrationService<TInner>(TInner inner, WorkLog? work = null)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
    where TInner : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public TInner Inner => inner;

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ReplaceSidecarEvents(newOrchestrationRuntimeState.NewEvents);
        ReplaceSidecarEvents(newOrchestrationRuntimeState.Events);
        foreach (var e in newOrchestrationRuntimeState.NewEvents) PlainTags(e);
        foreach (var m in outboundMessages) PlainTags(m?.Event);
        foreach (var m in orchestratorMessages) PlainTags(m?.Event);
        foreach (var m in timerMessages) PlainTags(m?.Event);
        PlainTags(continuedAsNewMessage?.Event);
        await inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        work?.EpisodeCompleted(workItem);
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage)
    {
        PlainTags(creationMessage.Event);
        return inner.CreateTaskOrchestrationAsync(creationMessage);
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        PlainTags(creationMessage.Event);
        return inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    }

    /// <summary>
    /// The sidecar records a sub-orchestration start as its own subclass of
    /// <see cref="SubOrchestrationInstanceCreatedEvent"/>. The Azure Storage history table writes only
    /// the data-contract members of known event types, so that row is stored without its EventType and
    /// the parent's history can never be loaded again. The plain event with the same data replaces it.
    /// </summary>
    private static void ReplaceSidecarEvents(IList<HistoryEvent> events)
    {
        if (events.IsReadOnly) return;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Tags = created.Tags is null ? null : new Dictionary<string, string>(created.Tags),
                    IsPlayed = created.IsPlayed,
                    Timestamp = created.Timestamp,
                };
            }
        }
    }

    private static void PlainTags(HistoryEvent? e)
    {
        switch (e)
        {
            case ExecutionStartedEvent s when NeedsCopy(s.Tags):
                s.Tags = new Dictionary<string, string>(s.Tags!);
                break;
            case TaskScheduledEvent t when NeedsCopy(t.Tags):
                t.Tags = new Dictionary<string, string>(t.Tags!);
                break;
            case SubOrchestrationInstanceCreatedEvent c when NeedsCopy(c.Tags):
                c.Tags = new Dictionary<string, string>(c.Tags!);
                break;
        }
    }

    private static bool NeedsCopy(IDictionary<string, string>? tags) => tags is not null && tags.GetType() != typeof(Dictionary<string, string>);

    private Task? _started;

    public Task StartAsync() => _started = inner.StartAsync();

    public Task StopAsync() => StopAsync(isForced: false);

    /// <summary>
    /// Stops the backend only once its start has finished. The Azure Storage backend's stop awaits state its
    /// start sets up, so a SIGTERM right after "Ready." threw a NullReferenceException from the sidecar's
    /// shutdown callback and killed the process (exit 134) instead of stopping it.
    /// </summary>
    public async Task StopAsync(bool isForced)
    {
        if (_started is not { } started) return;
        await Task.WhenAny(started);
        if (!started.IsCompletedSuccessfully) return;
        // The backend waits up to 10 minutes for its partition manager when storage is already gone, then throws from
        // the sidecar's shutdown callback and kills the process (seen as a crashed test host in CI). Stop waiting
        // after StopWait: nothing is lost, the leases expire and another engine takes the partitions over.
        var stop = inner.StopAsync(isForced);
        await Task.WhenAny(stop, Task.Delay(StopWait));
        _ = stop.ContinueWith(t => t.Exception, TaskScheduler.Default);
    }

    /// <summary>How long a stop waits for the backend before the process goes on shutting down.</summary>
    internal static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);

    // Everything below forwards unchanged.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    // Work items in and out, reported to the work log (`mine worker` shows them).
    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        work?.EpisodeTaken(item);
        return item;
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        work?.EpisodeReleased(workItem);
        await inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        work?.EpisodeReleased(workItem);
        await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        work?.ActivityTaken(item);
        return item;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        work?.ActivityFinished(workItem, completed: true);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        work?.ActivityFinished(workItem, completed: false);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    // The rest forwards unchanged.
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) => inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => inner.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) => inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) => inner.GetOrchestrationWithQueryAsync(query, cancellationToken);
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => inner.PurgeInstanceStateAsync(instanceId);
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => inner.PurgeInstanceStateAsync(purgeInstanceFilter);
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
