namespace MineFunctions.Workflow.Contracts;

// Small records that cross the Durable history (ARCHITECTURE.md convention 3): ids, dates, blob
// names and counts only, never pixels. None grows with the number of assets, and a list that grows
// with the number of pairs is stored as a blob and read back in pages of at most
// PairPage.MaxBytes, so every payload stays under the 45 KB spill size (docs/SCALE.md).

/// <summary>The asset and run every activity of an asset works for, with the settings snapshot.</summary>
public sealed record AssetScope(string RunId, string AssetId, PipelineSettings Settings);

/// <summary>
/// One selected pair and where its input lives: a coherence raster in the input container
/// (<see cref="InputBlob"/>), or two SLC rasters (<see cref="FromSlc"/>, named by date).
/// <see cref="Year"/> follows the year-assignment rule. <see cref="PerpendicularBaselineM"/> and
/// <see cref="BaselineSource"/> come from the asset's pair catalogue or the HyP3 product (null when
/// neither says); <see cref="Product"/> is the HyP3 product's name, looks and pixel spacing when the input is one.
/// <see cref="InputETag"/> pins the version discovery listed of <see cref="InputBlob"/> (of the reference acquisition
/// for an SLC pair; <see cref="SecondaryETag"/> of the secondary): the pair is read at that version or fails
/// (docs/RELIABILITY.md, fault matrix). Null (a list written before pinning) reads whatever is there.
/// </summary>
public sealed record PairWork(string PairId, DateOnly Reference, DateOnly Secondary, int Year, bool FromSlc, string? InputBlob,
    double? PerpendicularBaselineM = null, string? BaselineSource = null, PairProduct? Product = null,
    string? InputETag = null, string? SecondaryETag = null);

/// <summary>A HyP3 product's name, looks ("20x4") and pixel spacing (m), as its parameter file or name states them.</summary>
public sealed record PairProduct(string Name, string? Looks, double? PixelSpacingM);

/// <summary>A candidate pair left out before any pixel work (pair selection or an unreadable name), with why.</summary>
public sealed record PairExclusion(string PairId, string Reason);

/// <summary>
/// What <c>DiscoverAssetActivity</c> found for an asset: how many pairs it selected and left out,
/// the blob holding every selected pair (<see cref="PairsBlob"/>, in order), and the first page of them;
/// <c>PairPageActivity</c> reads the next pages.
/// </summary>
public sealed record AssetInventory(string AssetId, int PairCount, int ExcludedCount, string PairsBlob, PairPage FirstPage);

/// <summary>
/// Selected pairs [<see cref="Offset"/>, <see cref="Offset"/> + Pairs.Count) of an asset's stored
/// list: as many as fit in <see cref="MaxBytes"/> of JSON, at least one.
/// </summary>
public sealed record PairPage(int Offset, IReadOnlyList<PairWork> Pairs)
{
    /// <summary>Serialized pairs per page at most: well under the 45 KB spill size, with room for the envelope.</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>The page of <paramref name="all"/> that starts at <paramref name="offset"/>.</summary>
    public static PairPage Take(IReadOnlyList<PairWork> all, int offset, Func<PairWork, int> sizeOf)
    {
        if (offset < 0 || offset > all.Count) throw new ArgumentOutOfRangeException(nameof(offset), $"Offset {offset} is outside the {all.Count} pairs.");
        var page = new List<PairWork>();
        var bytes = 0;
        for (var i = offset; i < all.Count; i++)
        {
            bytes += sizeOf(all[i]) + 1;
            if (page.Count > 0 && bytes > MaxBytes) break;
            page.Add(all[i]);
        }
        return new PairPage(offset, page);
    }
}

/// <summary>Input of <c>PairPageActivity</c>: the asset's stored pair list and where the page starts.</summary>
public sealed record PairPageTask(string PairsBlob, int Offset);

/// <summary>
/// Input of <c>PairChunkOrchestrator</c>: one stage (<see cref="Coherence"/> or <see cref="Ndai"/>) over
/// a chunk of an asset's pairs, at most <see cref="MaxPairs"/> of them and <see cref="PairPage.MaxBytes"/> of JSON;
/// <see cref="PairsPerCall"/> NDAI pairs go to one activity call (<see cref="NdaiPairsPerCall"/>; coherence is one pair a call).
/// </summary>
public sealed record PairChunkTask(AssetScope Scope, string Stage, IReadOnlyList<PairWork> Pairs, int PairsPerCall = 1)
{
    public const string Coherence = "coherence";
    public const string Ndai = "ndai";

    /// <summary>Pairs per chunk at most: its history stays about 100 events, its outcomes well under the spill size.</summary>
    public const int MaxPairs = 50;

    /// <summary>
    /// NDAI pairs per activity call for rasters of <paramref name="gridPixels"/> pixels: as many as fit in
    /// <see cref="PipelineSettings.NdaiBatchPixels"/>, 1 to <see cref="MaxPairs"/> (1 when the size is unknown, 0).
    /// </summary>
    public static int NdaiPairsPerCall(PipelineSettings settings, long gridPixels) =>
        gridPixels <= 0 || settings.NdaiBatchPixels <= 0 ? 1 : (int)Math.Clamp(settings.NdaiBatchPixels / gridPixels, 1, MaxPairs);

    /// <summary>
    /// <paramref name="pairs"/> in order, cut into chunks of at most <paramref name="maxPairs"/> (and <see cref="MaxPairs"/>) pairs and
    /// <see cref="PairPage.MaxBytes"/> of JSON each (<paramref name="sizeOf"/>).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PairWork>> Split(IReadOnlyList<PairWork> pairs, Func<PairWork, int> sizeOf, int maxPairs = MaxPairs)
    {
        var chunks = new List<IReadOnlyList<PairWork>>();
        for (var offset = 0; offset < pairs.Count;)
        {
            var page = PairPage.Take(pairs, offset, sizeOf).Pairs.Take(Math.Clamp(maxPairs, 1, MaxPairs)).ToList();
            chunks.Add(page);
            offset += page.Count;
        }
        return chunks;
    }
}

/// <summary>Output of <c>PairChunkOrchestrator</c>: the outcome of each pair of its chunk, in order, for its stage.</summary>
public sealed record PairChunkResult(IReadOnlyList<CoherenceOutcome> Coherence, IReadOnlyList<PairOutcome> Ndai);

/// <summary>Input of the per-pair activities.</summary>
public sealed record PairTask(AssetScope Scope, PairWork Pair);

/// <summary>
/// Input of <c>NdaiBatchActivity</c>: consecutive pairs of one asset whose rasters are small enough to go several to a
/// call (<see cref="PipelineSettings.NdaiBatchPixels"/>), at most <see cref="PairChunkTask.MaxPairs"/> and <see cref="PairPage.MaxBytes"/> of JSON.
/// </summary>
public sealed record PairBatchTask(AssetScope Scope, IReadOnlyList<PairWork> Pairs);

/// <summary>Result of computing or validating one pair's coherence raster.</summary>
public sealed record CoherenceOutcome(string PairId, bool Succeeded, long InvalidPixels, string? Error);

/// <summary>
/// Input of <c>StableStatisticsActivity</c>: the asset's stored pair list, less the pairs whose
/// coherence could not be computed (ids only: 20 bytes a pair).
/// </summary>
public sealed record StableTask(AssetScope Scope, string PairsBlob, IReadOnlyList<string> LeftOut);

/// <summary>
/// The asset's stable-point mask summary (METHOD.md §1.3), and the pairs whose raster could not be
/// read: every one by id, the first <see cref="ExplainedUnreadable"/> with the reason (the rest
/// carry <see cref="UnreadableSeeTable"/>; PairResults has each one's file and reason).
/// </summary>
public sealed record StableSummary(long StablePixels, long ValidPixels, int Pairs, IReadOnlyList<PairExclusion>? Unreadable = null)
{
    /// <summary>Unreadable pairs whose reason the summary carries (the run report shows the first three).</summary>
    public const int ExplainedUnreadable = 10;

    /// <summary>The reason an unreadable pair beyond the first few carries, so the summary stays small.</summary>
    public const string UnreadableSeeTable = "unreadable (file and reason in PairResults)";

    /// <summary>The stable checkpoint this stage wrote (null when it wrote none): the NDAI stage commits under it.</summary>
    public string? Generation { get; init; }

    /// <summary>SHA-256 of the stable mask written.</summary>
    public string? MaskSha256 { get; init; }

    /// <summary>
    /// Per pair of the stage's list, in order, one character: '.' NDAI to compute, 'a'/'r' its stored
    /// outcome kept, accepted or rejected (an incremental refresh whose mask did not change); null: compute every pair.
    /// One byte a pair, so 500 pairs stay far under the spill size.
    /// </summary>
    public string? Reuse { get; init; }

    /// <summary>Pairs whose statistics came from the stored checkpoint instead of being read again (0 from scratch).</summary>
    public int ResumedPairs { get; init; }

    /// <summary>Pixels of the stack's grid (0: unknown): how many NDAI pairs one activity call takes (<see cref="PairChunkTask.NdaiPairsPerCall"/>).</summary>
    public long GridPixels { get; init; }
}

/// <summary>
/// Input of <c>NdaiCommitActivity</c>: the NDAI stage finished for every pair of checkpoint
/// <see cref="Generation"/> under mask <see cref="MaskSha256"/>, except <see cref="Failed"/> (at most <see cref="MaxFailed"/> ids).
/// </summary>
public sealed record NdaiCommitTask(AssetScope Scope, string Generation, string MaskSha256, IReadOnlyList<string> Failed)
{
    /// <summary>More failed pairs than this and nothing is committed (the next run computes every pair): the list crosses the history.</summary>
    public const int MaxFailed = 200;
}

/// <summary>Input of <c>AssetCallActivity</c>: one asset of a run, and what started the run (its Runs row says so).</summary>
public sealed record AssetCallTask(AssetScope Scope, string Trigger);

/// <summary>
/// What <c>AssetCallActivity</c> did with an asset: all of it (<see cref="Outcome"/>, its Runs row written), or as far as one call should go,
/// discovery (<see cref="Inventory"/>) and perhaps stable points (<see cref="Stable"/>), for the orchestration to go on
/// from a call a stage. With <see cref="Stable"/> the inventory's first page is empty (the orchestration reads the pages),
/// so the two together stay under the spill size.
/// </summary>
public sealed record AssetCallResult(AssetOutcome? Outcome, AssetInventory? Inventory, StableSummary? Stable)
{
    /// <summary>
    /// Whether an asset of <paramref name="pairs"/> pairs on a grid of <paramref name="gridPixels"/> pixels goes on in one
    /// call after stable points (<see cref="PipelineSettings.AssetCallPixels"/>): known size, pairs × pixels within the
    /// budget, at most <see cref="AnnualBatchTask.MaxPairs"/> pairs.
    /// </summary>
    public static bool Fits(PipelineSettings settings, long gridPixels, int pairs) =>
        gridPixels > 0 && settings.AssetCallPixels > 0 && pairs is > 0 and <= AnnualBatchTask.MaxPairs && gridPixels * pairs <= settings.AssetCallPixels;
}

/// <summary>One pair's screening decision and NDAI (METHOD.md §1.3–1.4).</summary>
public sealed record PairOutcome(string PairId, int Year, bool Accepted, string Reason, double StableMean, double StableStd, bool Failed);

/// <summary>Input of <c>AnnualMeanActivity</c>: the accepted pairs of one year.</summary>
public sealed record AnnualTask(AssetScope Scope, int Year, IReadOnlyList<string> PairIds);

/// <summary>One year's accepted pairs in an <see cref="AnnualBatchTask"/>.</summary>
public sealed record AnnualYear(int Year, IReadOnlyList<string> PairIds);

/// <summary>Input of <c>AnnualMeanBatchActivity</c>: the accepted pairs of several years of one asset, in year order.</summary>
public sealed record AnnualBatchTask(AssetScope Scope, IReadOnlyList<AnnualYear> Years)
{
    /// <summary>Pair ids one call carries at most: about 10 KB of JSON, well under the 45 KB spill size.</summary>
    public const int MaxPairs = 500;

    /// <summary>
    /// Whether every year's mean goes to one call: the rasters the call reads (<paramref name="pairs"/> accepted pairs of
    /// <paramref name="gridPixels"/> pixels) fit <see cref="PipelineSettings.NdaiBatchPixels"/>, the budget an NDAI call
    /// has too, and there is more than one year. Unknown size (0) or a budget of 0: one year a call.
    /// </summary>
    public static bool Fits(PipelineSettings settings, long gridPixels, int years, int pairs) =>
        years > 1 && gridPixels > 0 && settings.NdaiBatchPixels > 0 && pairs <= MaxPairs && gridPixels * pairs <= settings.NdaiBatchPixels;
}

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
/// Input of <c>RunEstimateActivity</c>: the run and how many of its assets succeeded (the estimate
/// itself covers every asset of the input container, so pools and exports stay complete after a
/// one-asset run; a count, not the ids, so the input does not grow with the run).
/// </summary>
public sealed record RunEstimateTask(string RunId, int SucceededAssets, PipelineSettings Settings);

/// <summary>
/// What the run-level estimate wrote: rows, export files and warnings counted, with the first few
/// warnings cut to <see cref="MaxWarningLength"/> characters: a per-asset list would grow with the run.
/// </summary>
public sealed record RunEstimateOutcome(int EmissionRows, int ExportFiles, int Warnings, IReadOnlyList<string> FirstWarnings)
{
    /// <summary>Warnings the outcome carries in full.</summary>
    public const int ShownWarnings = 5;

    public const int MaxWarningLength = 500;

    public static RunEstimateOutcome Of(int emissionRows, IReadOnlyList<string> exportBlobs, IReadOnlyList<string> warnings) =>
        new(emissionRows, exportBlobs.Count, warnings.Count,
            [.. warnings.Take(ShownWarnings).Select(w => w.Length <= MaxWarningLength ? w : w[..(MaxWarningLength - 1)] + "…")]);
}

/// <summary>Input of <c>RecordRunActivity</c>.</summary>
public sealed record RunRecord(string RunId, string Trigger, PipelineSettings Settings, DateTime StartedUtc, DateTime FinishedUtc, IReadOnlyList<AssetOutcome> Assets);
