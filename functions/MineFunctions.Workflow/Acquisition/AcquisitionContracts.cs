using MineFunctions.Core.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>Input of <see cref="AcquireAssetOrchestrator"/>: fetch one asset's new pairs since a date (null = since its latest stored pair, or its history).</summary>
public sealed record AcquireRequest(string AssetId, DateOnly? Since, bool DryRun, AcquisitionSettings Settings);

/// <summary>Input of <see cref="PlanAcquisitionActivity"/>; <paramref name="Now"/> is the orchestration's clock.</summary>
public sealed record PlanTask(string AssetId, DateOnly? Since, AcquisitionSettings Settings, DateTime Now);

/// <summary>The asset's jobs to order, what was left out and why, and what was searched.</summary>
public sealed record AcquisitionPlan(string AssetId, DateOnly SearchStart, int Scenes, IReadOnlyList<PlannedJob> Jobs, IReadOnlyList<PairingSkip> Skipped);

/// <summary>HyP3's answer to GET /user, cut to what the orchestration needs: credits left and this asset's job names.</summary>
public sealed record CreditsAndNames(double? RemainingCredits, IReadOnlyList<string> AssetJobNames);

/// <summary>Input of <see cref="SubmitJobActivity"/>: order <paramref name="Job"/> unless <paramref name="Attempt"/> jobs of its name exist.</summary>
public sealed record SubmitTask(PlannedJob Job, int Attempt);

/// <summary>The job that now stands for a planned job, whether ordered by this call or found by name; <paramref name="Attempts"/> = failed jobs of that name, plus this one.</summary>
public sealed record SubmittedJob(string JobId, string Status, bool Ordered, int Attempts);

/// <summary>A job's status and, once it has succeeded, its product.</summary>
public sealed record JobState(string JobId, string Status, DateTimeOffset? Expiration, string? ProductUrl, string? ProductFile, string? Log);

/// <summary>Input of <see cref="DownloadProductActivity"/>.</summary>
public sealed record DownloadTask(string AssetId, PlannedJob Job, JobState State, AcquisitionSettings Settings);

/// <summary>What the download did: stored the coherence raster (its blob), or why not.</summary>
public sealed record DownloadOutcome(bool Stored, string? Blob, string? Reason, double? PerpendicularBaselineM);

/// <summary>Final state of one planned job.</summary>
public static class PairStatus
{
    public const string Planned = "planned";
    public const string Downloaded = "downloaded";
    public const string SkippedCredits = "skipped-credits";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string TimedOut = "timed-out";
    public const string RejectedBaseline = "rejected-bperp";
}

/// <summary>One planned job and what became of it.</summary>
public sealed record PairRecord(string PairKey, string JobName, string Status, double Cost, int Attempts, string? JobId, string? Blob, string? Reason);

/// <summary>Output of <see cref="AcquireAssetOrchestrator"/>, also written to the product container as acquisition/&lt;asset&gt;.json.</summary>
public sealed record AcquireResult(
    string AssetId,
    bool DryRun,
    DateOnly SearchStart,
    int Scenes,
    double? RemainingCreditsAtStart,
    double CreditsSpent,
    IReadOnlyList<PairRecord> Pairs,
    IReadOnlyList<PairingSkip> Skipped)
{
    public int Downloaded => Pairs.Count(p => p.Status == PairStatus.Downloaded);

    public double PlannedCost => Pairs.Sum(p => p.Cost);
}

/// <summary>Custom status while an acquisition runs.</summary>
public sealed record AcquireProgress(string Stage, int Jobs, int InFlight, int Downloaded, int Failed);
