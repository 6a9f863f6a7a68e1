using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Production and emissions for every asset of the input container together, not only the run's
/// (<see cref="RunEstimate"/>: pools across assets, METHOD.md §1.6–1.8, so the exports list every asset
/// also after a one-asset reprocess). Reads each asset's manifest, production and emissions CSVs and its
/// mined areas (AnnualActivity table); writes the Emissions rows, the run's exports and each asset's
/// activity.csv. An asset whose inputs do not read or parse is left out with its file:line reasons, listed in
/// estimate.json's <c>left_out</c> and in the export's <see cref="LeftOutCsv"/>.
/// </summary>
public sealed class RunEstimateActivity(IProductStore store) : TaskActivity<RunEstimateTask, RunEstimateOutcome>
{
    public override async Task<RunEstimateOutcome> RunAsync(TaskActivityContext context, RunEstimateTask input)
    {
        var (key, ct) = (SettingsFingerprint.Of(input.Settings), ActivityCancellation.Token);
        var assets = new Dictionary<string, EstimateSources>(StringComparer.Ordinal);
        await foreach (var id in store.ListAssetIdsAsync(ct)) assets[id] = await store.ReadEstimateSourcesAsync(id, key);

        var estimate = RunEstimate.Compute(assets);
        var rows = estimate.Rows.Select(r => EstimateSourceReads.RowOf(r, key)).ToList();
        await store.UpsertAllAsync(rows, ct);
        var blobs = new List<string>();
        foreach (var file in estimate.RunFiles) blobs.Add(await store.WriteTextAsync(StorageLayout.Export(key, file.FileName), file.Text, file.ContentType, ct));
        foreach (var (assetId, file) in estimate.AssetFiles) blobs.Add(await store.WriteTextAsync(StorageLayout.Activity(assetId, key), file.Text, file.ContentType, ct));
        return RunEstimateOutcome.Of(rows.Count, blobs, estimate.Warnings);
    }
}
