namespace MineFunctions.Workflow.Contracts;

/// <summary>
/// Every tunable of the pipeline, snapshotted by the trigger into the orchestration input
/// (ARCHITECTURE.md convention 2) so a replay never sees a changed setting. Defaults follow
/// METHOD.md; the version string is part of every product's address, so changing the algorithm
/// or a setting writes new products instead of overwriting old ones.
/// </summary>
public sealed record PipelineSettings
{
    /// <summary>Boxcar coherence window in range (x) pixels, METHOD.md §1.2.</summary>
    public int WindowX { get; init; } = 7;

    /// <summary>Boxcar coherence window in azimuth (y) pixels.</summary>
    public int WindowY { get; init; } = 2;

    /// <summary>Stable pixel: time-mean coherence at least this (METHOD.md §1.3).</summary>
    public double StableMeanMin { get; init; } = 0.8;

    /// <summary>Stable pixel: time standard deviation at most this.</summary>
    public double StableStdMax { get; init; } = 0.2;

    /// <summary>Pair accepted when the spatial mean over stable pixels is at least this.</summary>
    public double PairMeanMin { get; init; } = 0.8;

    /// <summary>Pair accepted when the spatial std over stable pixels is at most this.</summary>
    public double PairStdMax { get; init; } = 0.2;

    /// <summary>Allowed temporal baselines in days (METHOD.md §1.1).</summary>
    public IReadOnlyList<int> TemporalBaselinesDays { get; init; } = [12, 24];

    /// <summary>Maximum |perpendicular baseline| in metres; unknown baselines are kept and flagged.</summary>
    public double MaxPerpendicularBaselineM { get; init; } = 250;

    /// <summary>"mid" (mid-date of the pair) or "reference" (its first date) decides a pair's year.</summary>
    public string YearAssignment { get; init; } = "mid";

    /// <summary>
    /// Colour rule: "adaptive" (default: per-year decisions against the asset's own background,
    /// METHOD.md §3), "hsv" (the seed's, Climate TRACE's own procedure) or "threshold" (Table 1 read literally).
    /// </summary>
    public string ClassRule { get; init; } = "adaptive";

    /// <summary>HSV rule: black when V &lt; this (T_v, 0–1 scale; the seed's 0.5).</summary>
    public double ValueMin { get; init; } = 0.5;

    /// <summary>HSV rule: white when S &lt; this (S_min, 0–1 scale; the seed's 0.5).</summary>
    public double SaturationMin { get; init; } = 0.5;

    /// <summary>Per-channel rule: a channel is High when value/255 ≥ this.</summary>
    public double ChannelThreshold { get; init; } = 0.5;

    /// <summary>Adaptive rule: least share of a year's pairs a pixel must have decorrelated in to be active.</summary>
    public double ActiveShare { get; init; } = 0.22;

    /// <summary>Adaptive rule: one-sided z that marks a decision uncertain (1.645 = 95 %).</summary>
    public double ActiveZ { get; init; } = 1.645;

    /// <summary>Per-pixel area override in m²; null means the real area of the grid.</summary>
    public double? PixelAreaM2 { get; init; }

    /// <summary>
    /// Pair activities in flight at once inside one asset orchestration: a sliding window, a new call
    /// starting as soon as any finishes (convention 5; the name is from when it sized lock-step batches).
    /// </summary>
    public int PairBatchSize { get; init; } = 16;

    /// <summary>
    /// Raster pixels one NDAI activity call may work through: pairs of small rasters go several to a call
    /// (pairs × raster pixels at most this, and at most a chunk), each with its own outcome and PairResults row,
    /// so small rasters do not pay an activity each. 0, or rasters this large: one pair a call. Results do not change.
    /// </summary>
    public long NdaiBatchPixels { get; init; } = 1 << 20;

    /// <summary>
    /// Raster pixels (pairs × raster pixels) under which an asset runs its stages after stable points (NDAI, its commit,
    /// annual means, composites, areas) in one activity call instead of one call a stage: the Durable engine's messages
    /// and history rows cost small rasters more than their pixels do (docs/SCALE.md). At most 500 pairs, none from SLC.
    /// 0: always one call a stage. Results do not change.
    /// </summary>
    public long AssetCallPixels { get; init; } = 1 << 20;

    /// <summary>Asset sub-orchestrations in flight at once in a refresh: a sliding window, the next asset starting as soon as any finishes (convention 5).</summary>
    public int MaxParallelAssets { get; init; } = 4;

    /// <summary>
    /// Assets per chunk sub-orchestration of a refresh: the refresh runs its assets chunk after chunk,
    /// so no one orchestration's history grows with the number of assets (docs/SCALE.md).
    /// </summary>
    public int AssetChunkSize { get; init; } = 50;

    /// <summary>Algorithm version: part of every product's address.</summary>
    public string AlgorithmVersion { get; init; } = "v1";
}
