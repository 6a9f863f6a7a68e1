namespace MineFunctions.Workflow.Contracts;

// Small records that cross the Durable history (ARCHITECTURE.md convention 3): ids, dates, blob
// names and counts only, never pixels. Each stays well below the 45 KB message limit for stacks of
// a few hundred pairs.

/// <summary>The asset and run every activity of an asset works for, with the settings snapshot.</summary>
public sealed record AssetScope(string RunId, string AssetId, PipelineSettings Settings);

/// <summary>
/// One selected pair and where its input lives: a coherence raster in the input container
/// (<see cref="InputBlob"/>), or two SLC rasters (<see cref="FromSlc"/>, named by date).
/// <see cref="Year"/> follows the year-assignment rule. <see cref="PerpendicularBaselineM"/> and
/// <see cref="BaselineSource"/> come from the asset's pair catalogue or the HyP3 product (null when
/// neither says); <see cref="Product"/> is the HyP3 product's name, looks and pixel spacing when the input is one.
/// </summary>
public sealed record PairWork(string PairId, DateOnly Reference, DateOnly Secondary, int Year, bool FromSlc, string? InputBlob,
    double? PerpendicularBaselineM = null, string? BaselineSource = null, PairProduct? Product = null);

/// <summary>A HyP3 product's name, looks ("20x4") and pixel spacing (m), as its parameter file or name states them.</summary>
public sealed record PairProduct(string Name, string? Looks, double? PixelSpacingM);

/// <summary>A candidate pair left out before any pixel work (pair selection or an unreadable name), with why.</summary>
public sealed record PairExclusion(string PairId, string Reason);

/// <summary>What <c>DiscoverAssetActivity</c> found for an asset: its selected pairs and the ones left out.</summary>
public sealed record AssetInventory(string AssetId, IReadOnlyList<PairWork> Pairs, IReadOnlyList<PairExclusion> Excluded);

/// <summary>Input of the per-pair activities.</summary>
public sealed record PairTask(AssetScope Scope, PairWork Pair);

/// <summary>Result of computing or validating one pair's coherence raster.</summary>
public sealed record CoherenceOutcome(string PairId, bool Succeeded, long InvalidPixels, string? Error);

/// <summary>Input of <c>StableStatisticsActivity</c>: the pairs whose coherence exists.</summary>
public sealed record StableTask(AssetScope Scope, IReadOnlyList<PairWork> Pairs);

/// <summary>The asset's stable-point mask summary (METHOD.md §1.3).</summary>
public sealed record StableSummary(long StablePixels, long ValidPixels, int Pairs, IReadOnlyList<PairExclusion>? Unreadable = null);

/// <summary>One pair's screening decision and NDAI (METHOD.md §1.3–1.4).</summary>
public sealed record PairOutcome(string PairId, int Year, bool Accepted, string Reason, double StableMean, double StableStd, bool Failed);

/// <summary>Input of <c>AnnualMeanActivity</c>: the accepted pairs of one year.</summary>
public sealed record AnnualTask(AssetScope Scope, int Year, IReadOnlyList<string> PairIds);

/// <summary>Annual mean NDAI written for one year, with its spatial mean over valid pixels.</summary>
public sealed record AnnualOutcome(int Year, int Pairs, long ValidPixels, double? MeanNdai);

/// <summary>Input of <c>CompositeActivity</c>: three consecutive years with an annual mean each.</summary>
public sealed record WindowTask(AssetScope Scope, int FirstYear);

/// <summary>
/// Class counts of one 3-year window (indexed by ColourClass value) and the pixel area used; for the
/// adaptive rule also, per year of the window, the pixels whose decision is uncertain (METHOD.md §3).
/// </summary>
public sealed record WindowOutcome(int FirstYear, IReadOnlyList<long> CountsByClass, double PixelAreaM2, string ClassRule, IReadOnlyList<long>? UncertainPixels = null);

/// <summary>Accepted and rejected pairs of one year, and its annual mean NDAI over valid pixels.</summary>
public sealed record YearPairs(int Year, int Accepted, int Rejected, double? MeanNdai);

/// <summary>Input of <c>AssetAreaActivity</c>: the windows from which the asset's yearly areas follow.</summary>
public sealed record AssetAreaTask(AssetScope Scope, IReadOnlyList<WindowOutcome> Windows, IReadOnlyList<YearPairs> Years);

/// <summary>
/// Input of <c>RunEstimateActivity</c>: the run and its succeeded assets (the estimate itself covers every
/// asset of the input container, so pools and exports stay complete after a one-asset run).
/// </summary>
public sealed record RunEstimateTask(string RunId, IReadOnlyList<string> AssetIds, PipelineSettings Settings);

/// <summary>What the run-level estimate wrote: rows and export files.</summary>
public sealed record RunEstimateOutcome(int EmissionRows, IReadOnlyList<string> ExportBlobs, IReadOnlyList<string> Warnings);

/// <summary>Input of <c>RecordRunActivity</c>.</summary>
public sealed record RunRecord(string RunId, string Trigger, PipelineSettings Settings, DateTime StartedUtc, DateTime FinishedUtc, IReadOnlyList<AssetOutcome> Assets);
