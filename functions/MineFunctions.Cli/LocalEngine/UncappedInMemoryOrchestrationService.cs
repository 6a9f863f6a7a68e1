using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The in-memory backend of Microsoft.DurableTask.InProcessTestHost with its concurrency caps
/// raised: the package fixes both at the processor count (2 here), and its dispatcher then sleeps
/// 500 ms whenever the cap is reached (ENGINEERING-NOTES.md). Re-implementing the two interface
/// properties is the only change; every other member is the package's own.
/// </summary>
internal sealed class UncappedInMemoryOrchestrationService(int maxActivities, int maxOrchestrations)
    : InMemoryOrchestrationService(null), IOrchestrationService
{
    int IOrchestrationService.MaxConcurrentTaskActivityWorkItems => maxActivities;

    int IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;
}
