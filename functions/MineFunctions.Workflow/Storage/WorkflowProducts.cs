using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// Product names the workflow adds to <see cref="ProductLayout"/>: the stack's stable-point rasters
/// and the per-pixel pair count of an annual mean. Same deterministic scheme: asset/settingsKey/….
/// </summary>
public static class WorkflowProducts
{
    public static string StableMask(string assetId, string settingsKey) => Name(assetId, settingsKey, "stable", "mask.tif");

    public static string StableMean(string assetId, string settingsKey) => Name(assetId, settingsKey, "stable", "mean.tif");

    public static string StableStd(string assetId, string settingsKey) => Name(assetId, settingsKey, "stable", "std.tif");

    public static string AnnualCount(string assetId, string settingsKey, int year) =>
        Name(assetId, settingsKey, "annual", $"{year}_pairs.tif");

    /// <summary>Per pixel, the year's accepted pairs in which it was disturbed (the adaptive rule, METHOD.md §3).</summary>
    public static string AnnualDisturbed(string assetId, string settingsKey, int year) =>
        Name(assetId, settingsKey, "annual", $"{year}_disturbed.tif");

    public static string Counts(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Name(assetId, settingsKey, "counts", ProductLayout.WindowId(firstYear, lastYear) + ".csv");

    /// <summary>An asset's year → area → production table (the `mine activity` CSV).</summary>
    public static string Activity(string assetId, string settingsKey) => Name(assetId, settingsKey, "export", "activity.csv");

    /// <summary>An asset's input report: files skipped, duplicate and excluded pairs, warnings (<c>InputReportCsv</c>).</summary>
    public static string InputReport(string assetId, string settingsKey) => Name(assetId, settingsKey, "report", "inputs.csv");

    /// <summary>
    /// The selected pairs of an asset in one run (JSON), read back in pages: a list that grows with
    /// the pairs never crosses the history whole. Per run, so a concurrent run never reads another's list.
    /// </summary>
    public static string PairList(string assetId, string settingsKey, string runId) =>
        Name(assetId, settingsKey, "runs", RunSegment(runId) + "_pairs.json");

    /// <summary>
    /// The stable stage's checkpoint of an asset (<see cref="StableCheckpoint"/>): the pairs read, in order,
    /// with the version of each, and the per-pixel statistics over them, extended by the next refresh.
    /// </summary>
    public static string StableState(string assetId, string settingsKey) => Name(assetId, settingsKey, "state", "stable.bin");

    /// <summary>Which stable checkpoint the asset's NDAI stage finished under (<see cref="NdaiCommit"/>).</summary>
    public static string NdaiState(string assetId, string settingsKey) => Name(assetId, settingsKey, "state", "ndai.json");

    /// <summary>A run's asset list (JSON, sorted ids), fixed when the run starts and read a chunk at a time.</summary>
    public static string RunAssets(string runId) => BlobPath.Combine("runs", RunSegment(runId), "assets.json");

    /// <summary>Run-level Climate TRACE exports: one file per sector for all assets of a settings key.</summary>
    public static string Export(string settingsKey, string fileName) =>
        ExportPrefix(settingsKey) + BlobPath.Segment(fileName, "export file");

    /// <summary>"exports/&lt;settingsKey&gt;/": the folder of the run-level exports.</summary>
    public static string ExportPrefix(string settingsKey) => BlobPath.Combine("exports", SettingsKey.Validate(settingsKey)) + "/";

    /// <summary>The run id as a blob name segment: itself when it is one, else its short hash.</summary>
    private static string RunSegment(string runId) => BlobPath.SegmentProblem(runId) is null ? runId : InstanceIds.ShortHash(runId);

    private static string Name(string assetId, string settingsKey, string folder, string file) =>
        ProductLayout.Prefix(assetId, settingsKey) + BlobPath.Combine(folder, file);
}
