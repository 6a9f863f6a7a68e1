using MineFunctions.Core.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// How an asset's data is fetched (a snapshot that crosses the Durable history; no secrets: the
/// token and base URLs live in <see cref="AcquisitionServices"/>). Defaults: INSAR_ISCE_BURST at
/// 5x1 looks (20 m), 12/24-day pairs with |Bperp| ≤ 250 m in VV (METHOD.md §1.1), poll every 10
/// minutes for up to 2 days, resubmit a failed job twice, three years of history for a new asset.
/// </summary>
public sealed record AcquisitionSettings
{
    public string JobType { get; init; } = Hyp3JobType.IsceBurst;

    public string Looks { get; init; } = "5x1";

    public string Polarisation { get; init; } = "VV";

    public IReadOnlyList<int> TemporalBaselinesDays { get; init; } = [12, 24];

    public double MaxPerpendicularBaselineM { get; init; } = 250;

    /// <summary>Time between two status polls of the jobs in flight (a durable timer).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the monitor waits for jobs in flight before it records them as timed out.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How many times a failed job is ordered again (0 = never).</summary>
    public int MaxResubmits { get; init; } = 2;

    /// <summary>Credits one run may spend at most; null = whatever HyP3 says remains this month.</summary>
    public double? CreditBudget { get; init; }

    /// <summary>Also keep the whole product zip (under &lt;asset&gt;/hyp3/), not just its _corr.tif.</summary>
    public bool KeepZip { get; init; }

    /// <summary>How far back a first acquisition for an asset with no pair rasters reaches (the method needs three years).</summary>
    public int HistoryDays { get; init; } = 3 * 365 + 1;

    public int MaxResults { get; init; } = 5000;

    public AcquisitionPairingRules PairingRules => new()
    {
        TemporalBaselinesDays = TemporalBaselinesDays,
        MaxPerpendicularBaselineM = MaxPerpendicularBaselineM,
        Polarisation = Polarisation,
    };

    /// <summary>Checks every value; throws with the setting's name.</summary>
    public AcquisitionSettings Validated()
    {
        var type = Hyp3JobType.Validate(JobType, Looks);
        PairingRules.Validate();
        if (PollInterval < TimeSpan.FromMilliseconds(10)) throw new ArgumentException($"PollInterval {PollInterval} is too short.");
        if (Timeout < PollInterval) throw new ArgumentException($"Timeout {Timeout} is shorter than the poll interval {PollInterval}.");
        if (MaxResubmits is < 0 or > 10) throw new ArgumentException($"MaxResubmits must be 0 to 10, got {MaxResubmits}.");
        if (CreditBudget is { } b && !(b >= 0)) throw new ArgumentException($"CreditBudget must be zero or more, got {b}.");
        if (HistoryDays is < 1 or > 20 * 366) throw new ArgumentException($"HistoryDays must be 1 to {20 * 366}, got {HistoryDays}.");
        if (MaxResults is < 1 or > 100_000) throw new ArgumentException($"MaxResults must be 1 to 100000, got {MaxResults}.");
        return this with { JobType = type };
    }
}
