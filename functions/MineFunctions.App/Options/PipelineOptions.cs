using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Options;

/// <summary>
/// Pipeline defaults from configuration (section <c>MineFunctions:Pipeline</c>). Triggers never hand
/// these to the workflow directly: <see cref="ToSettings"/> makes the immutable snapshot that goes
/// into the orchestration input (ARCHITECTURE.md convention 2). Defaults are read from
/// <see cref="PipelineSettings"/> itself, so the two can't disagree; a test checks that every
/// <see cref="PipelineSettings"/> property has a setting here.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "MineFunctions:Pipeline";

    private static readonly PipelineSettings Defaults = new();

    /// <summary>Boxcar window in range pixels (METHOD.md §1.2).</summary>
    [Range(1, 64)] public int WindowX { get; set; } = Defaults.WindowX;

    /// <summary>Boxcar window in azimuth pixels (METHOD.md §1.2).</summary>
    [Range(1, 64)] public int WindowY { get; set; } = Defaults.WindowY;

    /// <summary>Stable pixel: minimum time-mean coherence (METHOD.md §1.3).</summary>
    [Range(0.0, 1.0)] public double StableMeanMin { get; set; } = Defaults.StableMeanMin;

    /// <summary>Stable pixel: maximum time standard deviation (METHOD.md §1.3).</summary>
    [Range(0.0, 1.0)] public double StableStdMax { get; set; } = Defaults.StableStdMax;

    /// <summary>Pair accepted when the stable-pixel spatial mean is at least this (METHOD.md §1.3).</summary>
    [Range(0.0, 1.0)] public double PairMeanMin { get; set; } = Defaults.PairMeanMin;

    /// <summary>Pair accepted when the stable-pixel spatial std is at most this (METHOD.md §1.3).</summary>
    [Range(0.0, 1.0)] public double PairStdMax { get; set; } = Defaults.PairStdMax;

    /// <summary>Allowed temporal baselines in days, comma-separated (METHOD.md §1.1).</summary>
    [Required, RegularExpression(@"^\d{1,3}(,\d{1,3})*$", ErrorMessage = "Comma-separated whole days, e.g. '12,24'.")]
    public string TemporalBaselinesDays { get; set; } = string.Join(',', Defaults.TemporalBaselinesDays);

    /// <summary>Maximum |perpendicular baseline| in metres (METHOD.md §1.1).</summary>
    [Range(0.0, 10_000.0)] public double MaxPerpendicularBaselineM { get; set; } = Defaults.MaxPerpendicularBaselineM;

    /// <summary>"mid" or "reference": which date of a pair decides its year (METHOD.md §1.4).</summary>
    [Required, RegularExpression("^(mid|reference)$")]
    public string YearAssignment { get; set; } = Defaults.YearAssignment;

    /// <summary>"adaptive", "hsv" or "threshold": the colour rule (METHOD.md §1.5, METHOD.md §3).</summary>
    [Required, RegularExpression("^(adaptive|hsv|threshold)$")]
    public string ClassRule { get; set; } = Defaults.ClassRule;

    /// <summary>HSV rule: black when V is below this (0–1 scale).</summary>
    [Range(0.0, 1.0)] public double ValueMin { get; set; } = Defaults.ValueMin;

    /// <summary>HSV rule: white when S is below this (0–1 scale).</summary>
    [Range(0.0, 1.0)] public double SaturationMin { get; set; } = Defaults.SaturationMin;

    /// <summary>Per-channel rule: a channel is High at or above this (0–1 scale).</summary>
    [Range(0.0, 1.0)] public double ChannelThreshold { get; set; } = Defaults.ChannelThreshold;

    /// <summary>Adaptive rule: least share of a year's pairs decorrelated for a pixel to be active.</summary>
    [Range(0.01, 0.99)] public double ActiveShare { get; set; } = Defaults.ActiveShare;

    /// <summary>Adaptive rule: one-sided z marking a decision uncertain.</summary>
    [Range(0.0, 10.0)] public double ActiveZ { get; set; } = Defaults.ActiveZ;

    /// <summary>Per-pixel area override in m²; empty means the real area of the grid (METHOD.md §1.5).</summary>
    [Range(0.0001, 1_000_000.0)] public double? PixelAreaM2 { get; set; } = Defaults.PixelAreaM2;

    /// <summary>Pairs per fan-out batch inside one asset orchestration (ARCHITECTURE.md convention 5).</summary>
    [Range(1, 256)] public int PairBatchSize { get; set; } = Defaults.PairBatchSize;

    /// <summary>Raster pixels one NDAI activity call may work through: pairs of small rasters go several to a call (0: one pair a call).</summary>
    [Range(typeof(long), "0", "4294967296")] public long NdaiBatchPixels { get; set; } = Defaults.NdaiBatchPixels;

    /// <summary>Raster pixels (pairs × pixels) under which an asset's stages after stable points run in one activity call (0: one call a stage).</summary>
    [Range(typeof(long), "0", "4294967296")] public long AssetCallPixels { get; set; } = Defaults.AssetCallPixels;

    /// <summary>Asset sub-orchestrations a run keeps in flight at once (ARCHITECTURE.md convention 5).</summary>
    [Range(1, 256)] public int MaxParallelAssets { get; set; } = Defaults.MaxParallelAssets;

    /// <summary>Assets per chunk sub-orchestration of a run (bounds each orchestration's history; docs/SCALE.md).</summary>
    [Range(1, 1000)] public int AssetChunkSize { get; set; } = Defaults.AssetChunkSize;

    /// <summary>Algorithm version, part of every product's address.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9.-]{0,15}$")]
    public string AlgorithmVersion { get; set; } = Defaults.AlgorithmVersion;

    /// <summary>The immutable snapshot put into an orchestration input.</summary>
    public PipelineSettings ToSettings() => new()
    {
        WindowX = WindowX,
        WindowY = WindowY,
        StableMeanMin = StableMeanMin,
        StableStdMax = StableStdMax,
        PairMeanMin = PairMeanMin,
        PairStdMax = PairStdMax,
        TemporalBaselinesDays = TemporalBaselinesDays.Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray(),
        MaxPerpendicularBaselineM = MaxPerpendicularBaselineM,
        YearAssignment = YearAssignment,
        ClassRule = ClassRule,
        ValueMin = ValueMin,
        SaturationMin = SaturationMin,
        ChannelThreshold = ChannelThreshold,
        ActiveShare = ActiveShare,
        ActiveZ = ActiveZ,
        PixelAreaM2 = PixelAreaM2,
        PairBatchSize = PairBatchSize,
        NdaiBatchPixels = NdaiBatchPixels,
        AssetCallPixels = AssetCallPixels,
        MaxParallelAssets = MaxParallelAssets,
        AssetChunkSize = AssetChunkSize,
        AlgorithmVersion = AlgorithmVersion,
    };
}
