namespace MineFunctions.Workflow.Contracts;

/// <summary>Input of <c>RefreshOrchestrator</c>: one run over the listed assets (empty list = every asset).</summary>
/// <param name="RunId">The run's id, equal to the orchestration instance id.</param>
/// <param name="AssetIds">
/// Assets to process; empty means all assets found in the input container. An explicit list crosses
/// the history as the orchestration's input, so its entry points bound it (HTTP: 1,000 ids); a run
/// over more assets lists none and takes the whole container.
/// </param>
/// <param name="Settings">The settings snapshot taken by the trigger.</param>
/// <param name="Trigger">What started the run: "timer", "blob", "http", "cli".</param>
public sealed record RefreshRequest(string RunId, IReadOnlyList<string> AssetIds, PipelineSettings Settings, string Trigger);

/// <summary>
/// Input of <c>RefreshChunkOrchestrator</c>: chunk <paramref name="Index"/> (from 0) of the run's asset
/// list, which <c>ListAssetsActivity</c> stored in <paramref name="AssetList"/>.
/// </summary>
public sealed record RefreshChunk(string RunId, string Trigger, PipelineSettings Settings, DateTime StartedUtc, AssetList AssetList, int Index);

/// <summary>Input of <c>ListAssetsActivity</c>: the run's asset selection (empty = every asset of the input container).</summary>
public sealed record AssetSelection(string RunId, IReadOnlyList<string> AssetIds, PipelineSettings Settings);

/// <summary>
/// A run's asset list, stored as a blob (sorted ids, fixed for the run) so only its name and counts
/// cross the history, whatever the number of assets; chunk i holds ids [i × ChunkSize, (i + 1) × ChunkSize).
/// </summary>
public sealed record AssetList(string Blob, int Count, int ChunkSize)
{
    public int Chunks => (Count + ChunkSize - 1) / ChunkSize;
}

/// <summary>Input of <c>AssetChunkActivity</c>: which chunk of the stored list to read.</summary>
public sealed record AssetChunkTask(AssetList AssetList, int Index);

/// <summary>Input of <c>AssetOrchestrator</c>: one asset within a run.</summary>
public sealed record AssetRunRequest(string RunId, string AssetId, PipelineSettings Settings)
{
    /// <summary>
    /// How far <c>AssetCallActivity</c> took the asset before this orchestration (its discovery, and perhaps its stable
    /// points): the orchestration goes on from there. Null: from discovery.
    /// </summary>
    public AssetCallResult? Head { get; init; }
}

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

/// <summary>Output of <c>RefreshChunkOrchestrator</c>: the counts of its assets (their outcomes are Runs rows).</summary>
public sealed record ChunkResult(int Assets, int Succeeded, int Failed, int Pairs, int RejectedPairs);

/// <summary>
/// Custom status of a running orchestration: counts only (the Functions host fails an orchestration
/// whose custom status passes 16 KB of UTF-16; docs/RELIABILITY.md). Pairs are counted as their
/// assets finish (a run's pair total is not known before every asset has listed its pairs); inside
/// one asset orchestration they count that asset's pairs as they go.
/// </summary>
public sealed record RunProgress(string Stage, int AssetsDone, int AssetsFailed, int AssetsTotal, int PairsDone, int PairsTotal);
