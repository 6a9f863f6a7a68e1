using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Api;

/// <summary>
/// What the API and the triggers take from the host's configuration: the pipeline settings new runs
/// get, and how a start treats a run left running too long.
/// </summary>
/// <param name="Snapshot">The immutable pipeline settings put into new runs (ARCHITECTURE.md convention 2).</param>
/// <param name="StaleRunAge">A run still Running after this long is terminated and started again.</param>
/// <param name="TerminateWait">How long a start waits for a stale run to stop.</param>
public sealed record ApiSettings(PipelineSettings Snapshot, TimeSpan StaleRunAge, TimeSpan TerminateWait)
{
    /// <summary>Default of <see cref="StaleRunAge"/> on both hosts.</summary>
    public static readonly TimeSpan DefaultStaleRunAge = TimeSpan.FromDays(2);

    /// <summary>Default of <see cref="TerminateWait"/> on both hosts.</summary>
    public static readonly TimeSpan DefaultTerminateWait = TimeSpan.FromSeconds(60);

    /// <summary>Where runs with <see cref="Snapshot"/> write their products (<see cref="SettingsFingerprint"/>): what the read routes show.</summary>
    public string Key { get; } = SettingsFingerprint.Of(Snapshot);
}
