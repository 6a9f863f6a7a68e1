using System.ComponentModel.DataAnnotations;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Workflow.Acquisition;

namespace MineFunctions.App.Options;

/// <summary>
/// Fetching Sentinel-1 pairs from ASF (section <c>MineFunctions:Acquisition</c>; docs/ACQUISITION.md).
/// <see cref="ToSettings"/> makes the snapshot that goes into the orchestration input; the token and
/// the base URLs stay in the host (<see cref="AcquisitionServices"/>). In Azure the token is a Key
/// Vault reference, never a literal.
/// </summary>
public sealed class AcquisitionOptions : IValidatableObject
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "MineFunctions:Acquisition";

    private static readonly AcquisitionSettings Defaults = new();

    /// <summary>
    /// The monthly timer fetches new pairs for every asset before it processes them
    /// (<c>MonthlyOrchestrator</c>). Off by default: it orders HyP3 jobs, which needs <see cref="EarthdataToken"/>.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>ASF search API base URL.</summary>
    [Required, Url] public string AsfSearchUrl { get; set; } = AsfSearchClient.DefaultBaseUrl;

    /// <summary>HyP3 API base URL.</summary>
    [Required, Url] public string Hyp3Url { get; set; } = Hyp3Client.DefaultBaseUrl;

    /// <summary>Earthdata Login bearer token for HyP3 (a secret: Key Vault reference in Azure; never logged).</summary>
    public string EarthdataToken { get; set; } = "";

    /// <summary>INSAR_ISCE_BURST (default), INSAR_ISCE_MULTI_BURST or INSAR_GAMMA.</summary>
    [Required] public string JobType { get; set; } = Defaults.JobType;

    /// <summary>Looks: 5x1 (20 m, default), 10x2 or 20x4.</summary>
    [Required] public string Looks { get; set; } = Defaults.Looks;

    /// <summary>Time between two status polls of the jobs in flight.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")] public TimeSpan PollInterval { get; set; } = Defaults.PollInterval;

    /// <summary>How long the monitor waits for jobs before recording them as timed out.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "14.00:00:00")] public TimeSpan Timeout { get; set; } = Defaults.Timeout;

    /// <summary>How many times a failed job is ordered again.</summary>
    [Range(0, 10)] public int MaxResubmits { get; set; } = Defaults.MaxResubmits;

    /// <summary>Credits one run may spend at most; empty = what HyP3 says remains this month.</summary>
    [Range(0.0, 1e9)] public double? CreditBudget { get; set; } = Defaults.CreditBudget;

    /// <summary>Also keep each whole product zip under &lt;asset&gt;/hyp3/.</summary>
    public bool KeepZip { get; set; } = Defaults.KeepZip;

    /// <summary>How far back the first acquisition for an asset without pairs reaches, in days.</summary>
    [Range(1, 7320)] public int HistoryDays { get; set; } = Defaults.HistoryDays;

    /// <summary>The snapshot handed to the orchestration (pair rules from the pipeline's own settings).</summary>
    public AcquisitionSettings ToSettings(IReadOnlyList<int> temporalBaselinesDays, double maxPerpendicularBaselineM) => new AcquisitionSettings
    {
        JobType = JobType,
        Looks = Looks,
        PollInterval = PollInterval,
        Timeout = Timeout,
        MaxResubmits = MaxResubmits,
        CreditBudget = CreditBudget,
        KeepZip = KeepZip,
        HistoryDays = HistoryDays,
        TemporalBaselinesDays = temporalBaselinesDays,
        MaxPerpendicularBaselineM = maxPerpendicularBaselineM,
    }.Validated();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            Hyp3JobType.Validate(JobType, Looks);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }
        if (error is not null) yield return new ValidationResult(error, [nameof(JobType), nameof(Looks)]);
        if (Enabled && string.IsNullOrWhiteSpace(EarthdataToken))
            yield return new ValidationResult("Acquisition is enabled but EarthdataToken is empty: HyP3 needs an Earthdata Login token (in Azure, a Key Vault reference).", [nameof(EarthdataToken)]);
        if (Enabled && EarthdataToken.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult("EarthdataToken is an unresolved Key Vault reference: grant the app's identity 'Key Vault Secrets User' on the vault and check the secret URI.", [nameof(EarthdataToken)]);
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"Acquisition(Enabled={Enabled}, JobType={JobType}, Looks={Looks}, Token={(EarthdataToken.Length > 0 ? "set" : "unset")})";
}
