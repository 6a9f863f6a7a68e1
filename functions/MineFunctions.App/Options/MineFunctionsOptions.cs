using System.ComponentModel.DataAnnotations;

namespace MineFunctions.App.Options;

/// <summary>Settings of the Functions app itself (section <c>MineFunctions</c>), validated at start.</summary>
public sealed class MineFunctionsOptions : IValidatableObject
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "MineFunctions";

    /// <summary>
    /// Durable task hub name: must equal the literal <c>hubName</c> in host.json, which the Functions
    /// host and the scale controller use (<see cref="TaskHubMatchesHostJson"/> checks at start).
    /// 3-45 letters or digits: the Azure Storage provider's limit (it prefixes queue, table and container names).
    /// </summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "A task hub name is 3-45 letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "minefunctions";

    /// <summary>Blob container with the inputs (one folder per asset); the blob trigger watches it.</summary>
    [Required, RegularExpression(ContainerNamePattern, ErrorMessage = "Not a valid blob container name.")]
    public string InputContainer { get; set; } = "mine-input";

    /// <summary>Blob container with the products (composites, CSV exports).</summary>
    [Required, RegularExpression(ContainerNamePattern, ErrorMessage = "Not a valid blob container name.")]
    public string ProductsContainer { get; set; } = "mine-products";

    /// <summary>Prefix of the result table names (empty in production; tests and side-by-side deployments set one).</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,39})?$", ErrorMessage = "A table prefix is empty or a letter followed by letters and digits (at most 40).")]
    public string TablePrefix { get; set; } = "";

    /// <summary>Six-field NCRONTAB of the monthly refresh (UTC); the timer reads it as <c>%MineFunctions:RefreshSchedule%</c>.</summary>
    [Required, RegularExpression(@"^\S+( \S+){5}$", ErrorMessage = "The schedule is a six-field NCRONTAB expression, e.g. '0 0 3 1 * *'.")]
    public string RefreshSchedule { get; set; } = Workflow.Triggers.MonthlyRefresh.DefaultSchedule;

    /// <summary>A run still Running after this long is reported, terminated and started again instead of blocking later starts.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "60.00:00:00")]
    public TimeSpan StaleRunAge { get; set; } = Workflow.Api.ApiSettings.DefaultStaleRunAge;

    /// <summary>How long a trigger waits for a stale run to reach Terminated before it gives up for this time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TerminateWait { get; set; } = Workflow.Api.ApiSettings.DefaultTerminateWait;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(InputContainer, ProductsContainer, StringComparison.Ordinal))
            yield return new ValidationResult("The input and products containers must differ.", [nameof(InputContainer), nameof(ProductsContainer)]);
    }

    /// <summary>Azure's container naming rule: 3-63 lowercase letters, digits and single hyphens.</summary>
    public const string ContainerNamePattern = "^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$";
}
