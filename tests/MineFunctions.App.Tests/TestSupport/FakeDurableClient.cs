using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>
/// A mocked <see cref="DurableTaskClient"/> holding at most one existing instance (and, with
/// <see cref="RemembersStarts"/>, those it scheduled), recording what
/// the code under test scheduled, terminated and purged.
/// </summary>
public sealed class FakeDurableClient
{
    public Mock<DurableTaskClient> Mock { get; } = new("test") { CallBase = true };
    public List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];
    public List<string> Terminated { get; } = [];
    public List<string> Purged { get; } = [];
    public List<string> Order { get; } = [];

    public FakeDurableClient(OrchestrationMetadata? existing = null, bool terminationCompletes = true)
    {
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) =>
                existing?.InstanceId == id ? existing
                : RemembersStarts && Scheduled.Any(s => s.Options?.InstanceId == id) ? Instance(id, OrchestrationRuntimeStatus.Pending, DateTimeOffset.UtcNow)
                : null);
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName n, object? i, StartOrchestrationOptions? o, CancellationToken _) => { Scheduled.Add((n, i, o)); Order.Add("schedule"); })
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o?.InstanceId ?? "generated");
        Mock.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, object? _, CancellationToken _) => { Terminated.Add(id); Order.Add("terminate"); })
            .Returns(Task.CompletedTask);
        Mock.Setup(c => c.WaitForInstanceCompletionAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken ct) => terminationCompletes
                ? Task.FromResult(new OrchestrationMetadata("RefreshOrchestrator", id) { RuntimeStatus = OrchestrationRuntimeStatus.Terminated })
                : Task.Delay(Timeout.Infinite, ct).ContinueWith<OrchestrationMetadata>(_ => throw new OperationCanceledException(ct), TaskScheduler.Default));
        Mock.Setup(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((string id, PurgeInstanceOptions? o, CancellationToken _) => { Purged.Add(id); Order.Add(o?.Recursive == true ? "purge" : "purge (not recursive)"); })
            .ReturnsAsync(new PurgeResult(1));
    }

    /// <summary>When set, an instance this fake scheduled is found afterwards (Pending), as a task hub would have it.</summary>
    public bool RemembersStarts { get; init; }

    public DurableTaskClient Object => Mock.Object;

    public static OrchestrationMetadata Instance(string id, OrchestrationRuntimeStatus status, DateTimeOffset createdAt) =>
        new("RefreshOrchestrator", id) { RuntimeStatus = status, CreatedAt = createdAt, LastUpdatedAt = createdAt };
}
