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
    /// <summary>Assets whose sources are read, and whose rows and files are written, at once.</summary>
    internal const int ParallelAssets = 8;

    public override async Task<RunEstimateOutcome> RunAsync(TaskActivityContext context, RunEstimateTask input)
    {
        var (key, ct) = (SettingsFingerprint.Of(input.Settings), ActivityCancellation.Token);
        // Each asset's files and rows are a few small requests that wait on the service, not the processor: read and
        // write several assets at once (at 1,000 assets one after another is thousands of round trips end to end).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelAssets, CancellationToken = ct };
        var ids = new List<string>();
        await foreach (var id in store.ListAssetIdsAsync(ct)) ids.Add(id);
        var read = new EstimateSources[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), parallel, async (i, _) => read[i] = await store.ReadEstimateSourcesAsync(ids[i], key));
        var assets = ids.Zip(read).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        var estimate = RunEstimate.Compute(assets);
        var rows = estimate.Rows.Select(r => EstimateSourceReads.RowOf(r, key)).ToList();
        // An asset's rows are one partition, so one transaction; different assets' transactions are independent.
        await Parallel.ForEachAsync(rows.GroupBy(r => r.AssetId, StringComparer.Ordinal), parallel, async (asset, _) => await store.UpsertAllAsync(asset, ct));
        var blobs = new List<string>();
        foreach (var file in estimate.RunFiles) blobs.Add(await store.WriteTextAsync(StorageLayout.Export(key, file.FileName), file.Text, file.ContentType, ct));
        await Parallel.ForEachAsync(estimate.AssetFiles, parallel, async (asset, _) => await store.WriteTextAsync(StorageLayout.Activity(asset.AssetId, key), asset.File.Text, asset.File.ContentType, ct));
        return RunEstimateOutcome.Of(rows.Count, [.. blobs, .. estimate.AssetFiles.Select(f => StorageLayout.Activity(f.AssetId, key))], estimate.Warnings);
    }
}
