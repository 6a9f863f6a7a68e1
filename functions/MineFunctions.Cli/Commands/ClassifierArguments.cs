using MineFunctions.Core.Composite;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// The classification thresholds of the commands that classify (`mine run`, `mine serve`, `mine composite`, `mine classify`),
/// named after the pipeline settings they stand for (docs/CONFIGURATION.md): the seed's fixed rules keep their
/// thresholds adjustable everywhere, so Climate TRACE's own procedure can be reproduced (METHOD.md §1.5, §3).
/// </summary>
internal static class ClassifierArguments
{
    /// <summary>Usage text of the fixed rules' thresholds.</summary>
    public const string FixedRuleUsage = "[--value-min V] [--saturation-min S] [--channel-threshold T]";

    /// <summary>Usage text of the adaptive rule's settings.</summary>
    public const string AdaptiveUsage = "[--active-share F] [--active-z Z]";

    /// <summary>
    /// The settings of <paramref name="rule"/> with the thresholds given on the command line (defaults otherwise);
    /// <paramref name="adaptive"/> = false for a command that cannot run the adaptive rule (its options are then unknown).
    /// </summary>
    public static ClassifierSettings Read(CliArguments args, ClassificationRule rule, bool adaptive = true)
    {
        var defaults = ClassifierSettings.Default;
        var settings = defaults with
        {
            Rule = rule,
            ValueThreshold = args.Double("value-min", defaults.ValueThreshold),
            SaturationMin = args.Double("saturation-min", defaults.SaturationMin),
            ChannelThreshold = args.Double("channel-threshold", defaults.ChannelThreshold),
            ActiveShare = adaptive ? args.Double("active-share", defaults.ActiveShare) : defaults.ActiveShare,
            ActiveZ = adaptive ? args.Double("active-z", defaults.ActiveZ) : defaults.ActiveZ,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(
                "--value-min, --saturation-min and --channel-threshold are on a 0-1 scale" + (adaptive ? ", --active-share in (0, 1), --active-z in [0, 10]" : "") + ": " + ex.Message);
        }
        return settings;
    }

    /// <summary>
    /// <paramref name="settings"/> with --rule and the thresholds from the command line (a run's settings, hence
    /// part of its id): the pipeline settings ClassRule, ActiveShare, ActiveZ, ValueMin, SaturationMin, ChannelThreshold.
    /// </summary>
    public static PipelineSettings Pipeline(CliArguments args, PipelineSettings settings)
    {
        var rule = args.Optional("rule") ?? settings.ClassRule;
        var classifier = Read(args, ClassifyCommand.Rule(rule));
        return settings with
        {
            ClassRule = rule,
            ValueMin = classifier.ValueThreshold,
            SaturationMin = classifier.SaturationMin,
            ChannelThreshold = classifier.ChannelThreshold,
            ActiveShare = classifier.ActiveShare,
            ActiveZ = classifier.ActiveZ,
        };
    }
}
