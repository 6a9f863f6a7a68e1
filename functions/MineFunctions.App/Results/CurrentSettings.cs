using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Results;

/// <summary>
/// The configured pipeline settings and their settings key (<see cref="MineFunctions.Workflow.SettingsFingerprint"/>): the folder and row-key
/// prefix under which runs started with today's configuration write their products, so the read
/// endpoints show the results of the settings in force.
/// </summary>
public sealed class CurrentSettings(IOptions<PipelineOptions> pipeline)
{
    /// <summary>The snapshot the triggers put into new runs.</summary>
    public PipelineSettings Snapshot => pipeline.Value.ToSettings();

    /// <summary>The products' settings key of <see cref="Snapshot"/>.</summary>
    public string Key => SettingsFingerprint.Of(Snapshot);
}
