namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// How the local Durable Task engine runs. Defaults follow ENGINEERING-NOTES.md ("Running the same
/// orchestrations without the Functions host"): the backend caps are raised (the in-memory host
/// caps activities at the processor count and sleeps 500 ms at the cap; the Azure Storage backend
/// polls idle queues up to every 30 s unless told otherwise), and queue visibility timeouts are
/// short so a crashed run's messages come back in about a minute instead of five.
/// </summary>
public sealed record LocalEngineOptions
{
    public const string DefaultTaskHub = "minefunctions";

    public EngineKind Kind { get; init; } = EngineKind.AzureStorage;

    /// <summary>Storage connection string for <see cref="EngineKind.AzureStorage"/>; ignored in memory.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter (Azure Storage rule).</summary>
    public string TaskHub { get; init; } = DefaultTaskHub;

    /// <summary>Activities dispatched at once. Activities here mix I/O and GDAL, so a few per core.</summary>
    public int MaxConcurrentActivities { get; init; } = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>Orchestration episodes replayed at once (one per asset sub-orchestration at most matters).</summary>
    public int MaxConcurrentOrchestrations { get; init; } = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>Longest idle wait between queue polls (Azure Storage backend). 30 s by default in the SDK; 1 s locally.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued activity message stays invisible. The in-process sidecar never renews
    /// locks, so every activity must finish well within this; after a crash, the message comes back after it.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Same for orchestration (control-queue) messages.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Control-queue partitions of a new task hub (fixed once the hub exists). One process needs few.</summary>
    public int PartitionCount { get; init; } = 2;

    /// <summary>
    /// How long a control-queue partition stays with a worker that stopped renewing its lease (a
    /// crashed `mine worker`): the other workers take its orchestrations over after this. Partition
    /// leases are blob leases, so 15–60 s; null keeps the backend's default (30 s, renewed every 10 s,
    /// rebalanced every 10 s). Renewal and rebalancing then run at a third of it.
    /// </summary>
    public TimeSpan? PartitionLease { get; init; }

    /// <summary>
    /// This process's name in the task hub's partition leases. Unique per engine: the backend's
    /// default, the machine name, would let two workers on one machine both believe they own a partition.
    /// </summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Validates the combination; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public LocalEngineOptions Validated()
    {
        TaskHubName.Validate(TaskHub);
        if (Kind == EngineKind.AzureStorage && string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException("The Azure Storage engine needs a connection string.");
        if (MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1)
            throw new ArgumentException("Concurrency limits must be at least 1.");
        if (PartitionCount is < 1 or > 16) throw new ArgumentException("PartitionCount must be between 1 and 16.");
        if (MaxQueuePollingInterval <= TimeSpan.Zero || WorkItemVisibilityTimeout <= TimeSpan.Zero || ControlQueueVisibilityTimeout <= TimeSpan.Zero)
            throw new ArgumentException("Polling interval and visibility timeouts must be positive.");
        if (PartitionLease is { } lease && (lease < TimeSpan.FromSeconds(15) || lease > TimeSpan.FromSeconds(60)))
            throw new ArgumentException($"The partition lease must be 15 to 60 seconds (an Azure blob lease), got {lease.TotalSeconds:0.#} s.");
        if (string.IsNullOrWhiteSpace(WorkerId)) throw new ArgumentException("WorkerId must not be empty.");
        return this;
    }
}

/// <summary>Task hub names as the Azure Storage backend accepts them (they become queue, table and container names).</summary>
public static class TaskHubName
{
    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 45 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Invalid task hub name '{name}': 3–45 letters and digits, starting with a letter.");
        return name;
    }
}
