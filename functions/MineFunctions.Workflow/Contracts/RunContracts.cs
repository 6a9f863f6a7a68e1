namespace MineFunctions.Workflow.Contracts;

/// <summary>Input of <c>RefreshOrchestrator</c>: one run over the listed assets (empty list = every asset).</summary>
/// <param name="RunId">The run's id, equal to the orchestration instance id.</param>
/// <param name="AssetIds">Assets to process; empty means all assets found in the input container.</param>
/// <param name="Settings">The settings snapshot taken by the trigger.</param>
/// <param name="Trigger">What started the run: "timer", "blob", "http", "cli".</param>
public sealed record RefreshRequest(string RunId, IReadOnlyList<string> AssetIds, PipelineSettings Settings, string Trigger);

/// <summary>Input of <c>AssetOrchestrator</c>: one asset within a run.</summary>
public sealed record AssetRunRequest(string RunId, string AssetId, PipelineSettings Settings);

/// <summary>What happened to one asset in a run: "succeeded" or "failed" with its reason.</summary>
public sealed record AssetOutcome(string AssetId, string Status, int Pairs, int RejectedPairs, string? Error);

/// <summary>Output of <c>RefreshOrchestrator</c>.</summary>
public sealed record RefreshResult(string RunId, IReadOnlyList<AssetOutcome> Assets);

/// <summary>Custom status of a running orchestration: the progress shown by `mine` and the status endpoint.</summary>
public sealed record RunProgress(string Stage, int AssetsDone, int AssetsTotal, int PairsDone, int PairsTotal, IReadOnlyList<AssetOutcome> Assets);
