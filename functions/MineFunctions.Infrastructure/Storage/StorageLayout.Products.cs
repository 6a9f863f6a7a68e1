using System.Globalization;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Names in the products container. Per asset and settings key, under
/// "&lt;asset&gt;/&lt;settingsKey&gt;/" (<see cref="ProductPrefix"/>):
/// <code>
/// coherence/&lt;ref&gt;_&lt;sec&gt;.tif          coherence of a pair (when the input is SLC)
/// ndai/&lt;ref&gt;_&lt;sec&gt;.tif               NDAI of a pair
/// stable/points.tif                    bands: the stable mask (1 = stable), the time mean and std of coherence
///                                      (builds before 2026-12-07 wrote them apart, as stable/mask.tif, mean.tif, std.tif)
/// annual/&lt;year&gt;.tif                   bands: annual mean NDAI; per pixel, the year's pairs and those it was disturbed in
///                                      (builds before 2026-12-07 wrote the counts apart, as annual/&lt;year&gt;_pairs.tif, _disturbed.tif)
/// composite/&lt;y1&gt;-&lt;y3&gt;.tif            3-year RGB composite
/// classes/&lt;y1&gt;-&lt;y3&gt;.tif              colour-class band
/// counts/&lt;y1&gt;-&lt;y3&gt;.csv               class pixel counts
/// png/&lt;name&gt;.png                     the composite's quick-look (composite_2020-2022; class quick-looks are drawn from classes/ on request)
/// export/activity.csv                  the asset's area → production table
/// report/inputs.csv                    the asset's input report
/// runs/&lt;run&gt;_pairs.json               the asset's selected pairs in one run, for its orchestration (none when one call finished it)
/// </code>
/// Per settings key: exports/&lt;settingsKey&gt;/&lt;file&gt; (Climate TRACE CSVs, estimate.json). Per run:
/// runs/&lt;run&gt;/assets.json. Per asset: acquisition/&lt;asset&gt;.json (the last acquisition's record).
/// </summary>
public static partial class StorageLayout
{
    /// <summary>Folders under an asset's <see cref="ProductPrefix"/> that the download routes serve from.</summary>
    public const string CompositeFolder = "composite", ClassesFolder = "classes", CountsFolder = "counts", PngFolder = "png";

    /// <summary>The asset's production table and input report, relative to its <see cref="ProductPrefix"/>.</summary>
    public const string ActivityPath = "export/activity.csv", InputReportPath = "report/inputs.csv";

    /// <summary>"&lt;asset&gt;/&lt;settingsKey&gt;/": every product of one asset under one settings key.</summary>
    public static string ProductPrefix(string assetId, string settingsKey) =>
        BlobPath.Combine(AssetIds.Check(assetId), CheckSettingsKey(settingsKey)) + "/";

    public static string Coherence(string assetId, string settingsKey, DateOnly reference, DateOnly secondary) =>
        Product(assetId, settingsKey, "coherence", PairId(reference, secondary) + ".tif");

    public static string Ndai(string assetId, string settingsKey, DateOnly reference, DateOnly secondary) =>
        Product(assetId, settingsKey, "ndai", PairId(reference, secondary) + ".tif");

    /// <summary>
    /// The stack's stable points (METHOD.md §1.3): the mask (band 1, 1 = stable), and per pixel the time mean (band 2) and
    /// standard deviation (band 3) of coherence, written together and read together.
    /// </summary>
    public static string StablePoints(string assetId, string settingsKey) => Product(assetId, settingsKey, "stable", "points.tif");

    /// <summary>Where builds before 2026-12-07 wrote the stable mask (now band 1 of <see cref="StablePoints"/>).</summary>
    public static string StableMask(string assetId, string settingsKey) => Product(assetId, settingsKey, "stable", "mask.tif");

    /// <summary>Where builds before 2026-12-07 wrote the time mean (now band 2 of <see cref="StablePoints"/>).</summary>
    public static string StableMean(string assetId, string settingsKey) => Product(assetId, settingsKey, "stable", "mean.tif");

    /// <summary>Where builds before 2026-12-07 wrote the time std (now band 3 of <see cref="StablePoints"/>).</summary>
    public static string StableStd(string assetId, string settingsKey) => Product(assetId, settingsKey, "stable", "std.tif");

    /// <summary>
    /// The stable stage's checkpoint of an asset (the Workflow's StableCheckpoint): the pairs read, in order,
    /// with the version of each, and the per-pixel statistics over them, extended by the next refresh.
    /// </summary>
    public static string StableState(string assetId, string settingsKey) => Product(assetId, settingsKey, "state", "stable.bin");

    /// <summary>Which stable checkpoint the asset's NDAI stage finished under (the Workflow's NdaiCommit).</summary>
    public static string NdaiState(string assetId, string settingsKey) => Product(assetId, settingsKey, "state", "ndai.json");

    /// <summary>
    /// The year's annual mean NDAI (band 1) with, per pixel, its accepted pairs (band 2) and those in which it was
    /// disturbed (band 3): the three are written and read together, so one blob holds them.
    /// </summary>
    public static string Annual(string assetId, string settingsKey, int year)
    {
        CheckYear(year);
        return Product(assetId, settingsKey, "annual", year.ToString(CultureInfo.InvariantCulture) + ".tif");
    }

    /// <summary>Per pixel, the year's accepted pairs that cover it: where builds before 2026-12-07 wrote it (now band 2 of <see cref="Annual"/>).</summary>
    public static string AnnualCount(string assetId, string settingsKey, int year) =>
        Product(assetId, settingsKey, "annual", string.Create(CultureInfo.InvariantCulture, $"{year}_pairs.tif"));

    /// <summary>
    /// Per pixel, the year's accepted pairs in which it was disturbed (the adaptive rule, METHOD.md §3): where builds before
    /// 2026-12-07 wrote it (now band 3 of <see cref="Annual"/>).
    /// </summary>
    public static string AnnualDisturbed(string assetId, string settingsKey, int year) =>
        Product(assetId, settingsKey, "annual", string.Create(CultureInfo.InvariantCulture, $"{year}_disturbed.tif"));

    public static string Composite(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Product(assetId, settingsKey, CompositeFolder, WindowId(firstYear, lastYear) + ".tif");

    public static string Classes(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Product(assetId, settingsKey, ClassesFolder, WindowId(firstYear, lastYear) + ".tif");

    public static string Counts(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Product(assetId, settingsKey, CountsFolder, WindowId(firstYear, lastYear) + ".csv");

    /// <summary>A PNG quick-look; <paramref name="name"/> without extension, e.g. "composite_2020-2022".</summary>
    public static string Png(string assetId, string settingsKey, string name) =>
        Product(assetId, settingsKey, PngFolder, BlobPath.Segment(name, "PNG name") + ".png");

    /// <summary>An asset's year → area → production table (the `mine activity` CSV).</summary>
    public static string Activity(string assetId, string settingsKey) => ProductPrefix(assetId, settingsKey) + ActivityPath;

    /// <summary>An asset's input report: files skipped, duplicate and excluded pairs, warnings (<c>InputReportCsv</c>).</summary>
    public static string InputReport(string assetId, string settingsKey) => ProductPrefix(assetId, settingsKey) + InputReportPath;

    /// <summary>
    /// The selected pairs of an asset in one run (JSON), read back in pages: a list that grows with
    /// the pairs never crosses the history whole. Per run, so a concurrent run never reads another's list.
    /// </summary>
    public static string PairList(string assetId, string settingsKey, string runId) =>
        Product(assetId, settingsKey, "runs", RunSegment(runId) + "_pairs.json");

    /// <summary>A run's asset list (JSON, sorted ids), fixed when the run starts and read a chunk at a time.</summary>
    public static string RunAssets(string runId) => BlobPath.Combine("runs", RunSegment(runId), "assets.json");

    /// <summary>Run-level Climate TRACE exports: one file per sector for all assets of a settings key.</summary>
    public static string Export(string settingsKey, string fileName) =>
        ExportPrefix(settingsKey) + BlobPath.Segment(fileName, "export file");

    /// <summary>"exports/&lt;settingsKey&gt;/": the folder of the run-level exports.</summary>
    public static string ExportPrefix(string settingsKey) => BlobPath.Combine("exports", CheckSettingsKey(settingsKey)) + "/";

    /// <summary>The record of an asset's last acquisition, every pair's fate and reason (overwritten by the next).</summary>
    public static string AcquisitionRecord(string assetId) => BlobPath.Combine("acquisition", AssetIds.Check(assetId) + ".json");

    /// <summary>The run id as a blob name segment: itself when it is one, else its <see cref="ShortHash"/>.</summary>
    private static string RunSegment(string runId) => BlobPath.SegmentProblem(runId) is null ? runId : ShortHash(runId);

    private static string Product(string assetId, string settingsKey, string folder, string file) =>
        BlobPath.Combine(AssetIds.Check(assetId), CheckSettingsKey(settingsKey), folder, file);
}
