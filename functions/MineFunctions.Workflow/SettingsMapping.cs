using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Pairs;
using MineFunctions.Core.Stable;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow;

/// <summary>From the flat settings snapshot to the Core option records each step takes.</summary>
public static class SettingsMapping
{
    public static CoherenceWindow Window(this PipelineSettings s) => new(s.WindowX, s.WindowY);

    public static StableThresholds Stable(this PipelineSettings s) => StableThresholds.Default with
    {
        PixelMeanMin = s.StableMeanMin,
        PixelStdMax = s.StableStdMax,
        PairMeanMin = s.PairMeanMin,
        PairStdMax = s.PairStdMax,
    };

    public static PairSelectionRules Selection(this PipelineSettings s) => new()
    {
        TemporalBaselinesDays = s.TemporalBaselinesDays,
        MaxPerpendicularBaselineM = s.MaxPerpendicularBaselineM,
    };

    public static YearAssignmentRule YearRule(this PipelineSettings s) => s.YearAssignment switch
    {
        "mid" => YearAssignmentRule.MidDate,
        "reference" => YearAssignmentRule.ReferenceDate,
        _ => throw new ArgumentException($"Year assignment '{s.YearAssignment}' is not 'mid' or 'reference'."),
    };

    public static ClassifierSettings Classifier(this PipelineSettings s) => ClassifierSettings.Default with
    {
        Rule = ClassificationRuleNames.Parse(s.ClassRule),
        ValueThreshold = s.ValueMin,
        SaturationMin = s.SaturationMin,
        ChannelThreshold = s.ChannelThreshold,
        ActiveShare = s.ActiveShare,
        ActiveZ = s.ActiveZ,
    };

    /// <summary>Fails fast on a snapshot that no step could use (called by triggers before starting a run).</summary>
    public static void Validate(this PipelineSettings s)
    {
        s.Window().Validate();
        s.Stable().Validate();
        s.Classifier().Validate();
        _ = s.YearRule();
        if (s.PairBatchSize < 1) throw new ArgumentException("PairBatchSize must be at least 1.");
        if (s.MaxParallelAssets < 1) throw new ArgumentException("MaxParallelAssets must be at least 1.");
        if (s.NdaiBatchPixels < 0) throw new ArgumentException("NdaiBatchPixels must be 0 (one pair a call) or more.");
        if (s.AssetCallPixels < 0) throw new ArgumentException("AssetCallPixels must be 0 (one call a stage) or more.");
        if (s.AssetChunkSize is < 1 or > 1000) throw new ArgumentException("AssetChunkSize must be between 1 and 1000.");
        if (s.PixelAreaM2 is { } a && (!double.IsFinite(a) || a <= 0)) throw new ArgumentException("PixelAreaM2 must be a positive number.");
        if (s.TemporalBaselinesDays.Count == 0 || s.TemporalBaselinesDays.Any(d => d <= 0)) throw new ArgumentException("TemporalBaselinesDays must list positive day counts.");
    }
}
