using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

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
    [ActivatorUtilitiesConstructor]
    public RunEstimateActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<RunEstimateOutcome> RunAsync(TaskActivityContext context, RunEstimateTask input)
    {
        var (key, ct) = (SettingsFingerprint.Of(input.Settings), ActivityCancellation.Token);
        var assets = new Dictionary<string, EstimateSources>(StringComparer.Ordinal);
        await foreach (var id in store.ListAssetIdsAsync(ct)) assets[id] = await GatherAsync(id, key, ct);

        var estimate = RunEstimate.Compute(assets);
        var rows = estimate.Rows.Select(r => (e: r.Estimate, r.Area)).Select(r => new EmissionsRow(r.e.Asset.Id, key, r.e.Year, r.e.Asset.Commodity.Word(), r.e.Asset.Iso3,
            r.Area?.AreaM2, r.e.Activity?.OreT, r.e.Activity?.Confidence.CsvName(), r.e.EmissionFactor?.TCo2PerTOre, r.e.EmissionFactor?.Confidence.CsvName(),
            r.e.Co2T, r.e.Co2Confidence?.CsvName(), r.e.Co2UncertaintyT, r.Area?.UncertaintyM2, r.e.Activity?.UncertaintyT)).ToList();
        await store.UpsertAllAsync(rows, ct);
        var blobs = new List<string>();
        foreach (var file in estimate.RunFiles) blobs.Add(await store.WriteTextAsync(StorageLayout.Export(key, file.FileName), file.Text, file.ContentType, ct));
        foreach (var (assetId, file) in estimate.AssetFiles) blobs.Add(await store.WriteTextAsync(StorageLayout.Activity(assetId, key), file.Text, file.ContentType, ct));
        return RunEstimateOutcome.Of(rows.Count, blobs, estimate.Warnings);
    }

    /// <summary>
    /// One asset's inputs (<see cref="AssetEstimateFiles"/>, the reader discovery also uses); an asset whose files do
    /// not read or parse is left out with its file:line reasons, and the others go on.
    /// </summary>
    private async Task<EstimateSources> GatherAsync(string assetId, string key, CancellationToken ct)
    {
        var files = await AssetEstimateFiles.ReadAsync(store, AssetIds.Check(assetId), ct);
        if (files.Errors.Count > 0) return new EstimateSources(files.Reason());
        var into = new EstimateSources();
        into.Seen(files.NewestInput);
        into.Assets.Add(files.Asset!, 1);
        if (files.Production is { } production) into.Production.AddAll(production);
        if (files.Emissions is { } emissions) into.Emissions.AddAll(emissions);
        await foreach (var row in store.QueryAssetAsync<AnnualActivityRow>(assetId, key, ct))
        {
            if (row.ActiveAreaM2 is not { } area || row.ActivePixels is not { } pixels) continue;
            into.Areas.Add(new MinedArea(assetId, row.Year, area, row.ActiveAreaUncertaintyM2), row.Year);
            into.YearAreas.Add((assetId, new YearArea(row.Year, pixels, area)));
        }
        return into;
    }
}
