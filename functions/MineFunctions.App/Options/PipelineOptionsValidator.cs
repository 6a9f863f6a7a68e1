using MineFunctions.Workflow;

namespace MineFunctions.App.Options;

/// <summary>
/// Checks the configured pipeline with the workflow's own rules (<see cref="SettingsMapping.Validate"/>,
/// which asks Core's option records), at start: a setting no step could use stops the app instead of
/// failing every run.
/// </summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.ToSettings().Validate();
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"{PipelineOptions.SectionName}: {e.Message}");
        }
    }
}
