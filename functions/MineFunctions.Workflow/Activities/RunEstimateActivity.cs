using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
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
/// activity.csv. An asset whose inputs do not read or parse is left out with its reasons.
/// </summary>
public sealed class RunEstimateActivity(IProductStore store) : TaskActivity<RunEstimateTask, RunEstimateOutcome>
{
    [ActivatorUtilitiesConstructor]
    public RunEstimateActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<RunEstimateOutcome> RunAsync(TaskActivityContext context, RunEstimateTask input)
    {
        var (key, ct) = (PipelineStorage.KeyOf(input.Settings), ActivityCancellation.Token);
        var assets = new Dictionary<string, EstimateSources>(StringComparer.Ordinal);
        await foreach (var id in store.ListAssetIdsAsync(ct)) assets[id] = await GatherAsync(id, key, ct);

        var estimate = RunEstimate.Compute(assets);
        var rows = estimate.Rows.Select(r => (e: r.Estimate, r.Area)).Select(r => new EmissionsRow(r.e.Asset.Id, key, r.e.Year, r.e.Asset.Commodity.Word(), r.e.Asset.Iso3,
            r.Area?.AreaM2, r.e.Activity?.OreT, r.e.Activity?.Confidence.CsvName(), r.e.EmissionFactor?.TCo2PerTOre, r.e.EmissionFactor?.Confidence.CsvName(),
            r.e.Co2T, r.e.Co2Confidence?.CsvName(), r.e.Co2UncertaintyT, r.Area?.UncertaintyM2, r.e.Activity?.UncertaintyT)).ToList();
        await store.UpsertAllAsync(rows, ct);
        var blobs = new List<string>();
        foreach (var file in estimate.RunFiles) blobs.Add(await store.WriteTextAsync(WorkflowProducts.Export(key, file.FileName), file.Text, file.ContentType, ct));
        foreach (var (assetId, file) in estimate.AssetFiles) blobs.Add(await store.WriteTextAsync(WorkflowProducts.Activity(assetId, key), file.Text, file.ContentType, ct));
        return new RunEstimateOutcome(rows.Count, blobs, estimate.Warnings);
    }

    /// <summary>One asset's inputs; what cannot be read at all leaves that asset out with the reason, and the others go on.</summary>
    private async Task<EstimateSources> GatherAsync(string assetId, string key, CancellationToken ct)
    {
        var into = new EstimateSources();
        try
        {
            var manifest = await ReadAsync(InputLayout.Manifest(AssetIds.Check(assetId)), into, ct)
                ?? throw new InvalidDataException($"Asset '{assetId}' has no {InputLayout.ManifestFile}.");
            var m = AssetManifest.Parse(manifest.Text, manifest.Name);
            into.Assets.Add(new Asset(assetId, m.Name, CommodityExtensions.Parse(m.Commodity), m.Iso3, m.Lat, m.Lon, null), 1);
            if (await ReadAsync(InputLayout.Production(assetId), into, ct) is { } p)
                into.Production.AddAll(RunEstimate.OwnRows(ProductionCsvReader.Read(new StringReader(p.Text), p.Name), assetId, r => r.AssetId));
            if (await ReadAsync(InputLayout.Emissions(assetId), into, ct) is { } e)
                into.Emissions.AddAll(EmissionsReportCsvReader.Read(new StringReader(e.Text), e.Name));
            await foreach (var row in store.QueryAssetAsync<AnnualActivityRow>(assetId, key, ct))
            {
                if (row.ActiveAreaM2 is not { } area || row.ActivePixels is not { } pixels) continue;
                into.Areas.Add(new MinedArea(assetId, row.Year, area, row.ActiveAreaUncertaintyM2), row.Year);
                into.YearAreas.Add((assetId, new YearArea(row.Year, pixels, area)));
            }
            return into;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException)
        {
            return new EstimateSources(ex.Message);
        }
    }

    /// <summary>An optional input's text, noting its last change (the export's date); null when absent.</summary>
    private async Task<(string Name, string Text)?> ReadAsync(string blobName, EstimateSources into, CancellationToken ct)
    {
        if (await store.GetAsync(StoreArea.Inputs, blobName, ct) is not { } blob) return null;
        into.Seen(blob.LastModified);
        return (blobName, await store.ReadTextAsync(StoreArea.Inputs, blobName, ct));
    }
}
