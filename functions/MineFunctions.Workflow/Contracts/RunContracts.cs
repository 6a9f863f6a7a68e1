namespace MineFunctions.Workflow.Contracts;

/// <summary>Input of <c>RefreshOrchestrator</c>: one run over the listed assets (empty list = every asset).</summary>
/// <param name="RunId">The run's id, equal to the orchestration instance id.</param>
/// <param name="AssetIds">Assets to process; empty means all assets found in the input container.</param>
/// <param name="Settings">The settings snapshot taken by the trigger.</param>
/// <param name="Trigger">What started the run: "timer", "blob", "http", "cli".</param>
public sealed record RefreshRequest(string RunId, IReadOnlyList<string> AssetIds, PipelineSettings Settings, string Trigger);

/// <summary>Input of <c>AssetOrchestrator</c>: one asset within a run.</summary>
public sealed record AssetRunRequest(string RunId, string AssetId, PipelineSettings Settings);

/// <summary>
/// What happened to one asset in a run: "failed" with its reason in <see cref="Error"/>, or
/// "succeeded", where <see cref="Error"/> is null or says which pairs failed and were left out.
/// </summary>
public sealed record AssetOutcome(string AssetId, string Status, int Pairs, int RejectedPairs, string? Error)
{
    /// <summary>The status of an asset that went through.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The status of an asset that did not, with its <see cref="Error"/>.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// Output of <c>RefreshOrchestrator</c>: counts only, so it stays the same size whatever the number
/// of assets (docs/RELIABILITY.md, run state limits). Each asset's outcome is a row of the Runs table.
/// </summary>
public sealed record RefreshResult(string RunId, int AssetsTotal, int AssetsSucceeded, int AssetsFailed, int Pairs, int RejectedPairs);

/// <summary>
/// Custom status of a running orchestration: counts only (the Functions host fails an orchestration
/// whose custom status passes 16 KB of UTF-16; docs/RELIABILITY.md). Pairs are counted as their
/// assets finish (a run's pair total is not known before every asset has listed its pairs); inside
/// one asset orchestration they count that asset's pairs as they go.
/// </summary>
public sealed record RunProgress(string Stage, int AssetsDone, int AssetsFailed, int AssetsTotal, int PairsDone, int PairsTotal);
