using System.Text;
using Microsoft.DurableTask;
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
/// Production and emissions for every asset of the input container together, not only the run's:
/// t/m² and emission factors pool across assets of a commodity (METHOD.md §1.6–1.7), and the
/// Climate TRACE export per sector (§1.8) and its JSON form must list every asset, also after a
/// one-asset reprocess. An asset whose inputs do not parse is left out with its reasons. Inputs: each asset's manifest, production and emissions CSVs and its mined areas
/// from the AnnualActivity table. The export's created/modified date is the newest input's date,
/// so the same inputs give byte-identical files and a re-run rewrites nothing.
/// </summary>
public sealed class RunEstimateActivity(PipelineStorage storage) : TaskActivity<RunEstimateTask, RunEstimateOutcome>
{
    public override async Task<RunEstimateOutcome> RunAsync(TaskActivityContext context, RunEstimateTask input)
    {
        var key = PipelineStorage.KeyOf(input.Settings);
        var gathered = new EstimateSources();
        var warnings = new List<string>();
        var assets = new List<string>();
        await foreach (var id in storage.Inputs.ListAssetIdsAsync()) assets.Add(id);
        foreach (var assetId in assets.Order(StringComparer.Ordinal))
        {
            // One asset's unreadable inputs leave that asset out of the estimate, with its reasons; the
            // others, and the pools they form, go on.
            var one = new EstimateSources();
            try
            {
                await GatherAsync(AssetIds.Check(assetId), key, one);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException)
            {
                warnings.Add($"{assetId}: left out of the estimate: {ex.Message}");
                continue;
            }
            if (one.Errors.Count > 0)
            {
                warnings.Add($"{assetId}: left out of the estimate: " + string.Join("; ", one.Errors.Select(e => e.ToString())));
                continue;
            }
            gathered.Add(one);
        }

        var (inputs, errors) = EstimateInputsBuilder.Build(
            gathered.Assets.ToResult("asset.json"), gathered.Production.ToResult(InputLayout.ProductionFile), null,
            gathered.Emissions.ToResult(InputLayout.EmissionsFile), gathered.Areas.ToResult("AnnualActivity"), CountryRegions.Default, null);
        if (inputs is null)
            throw new InvalidDataException("The run's inputs have errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));

        var result = EmissionsEstimator.Estimate(inputs);
        var rows = result.Rows.Select(r => new EmissionsRow(r.Asset.Id, key, r.Year, r.Asset.Commodity.Word(), r.Asset.Iso3,
            inputs.MinedAreas.FirstOrDefault(a => a.AssetId == r.Asset.Id && a.Year == r.Year)?.AreaM2,
            r.Activity?.OreT, r.Activity?.Confidence.CsvName(), r.EmissionFactor?.TCo2PerTOre, r.EmissionFactor?.Confidence.CsvName(),
            r.Co2T, r.Co2Confidence?.CsvName(), r.Co2UncertaintyT,
            inputs.MinedAreas.FirstOrDefault(a => a.AssetId == r.Asset.Id && a.Year == r.Year)?.UncertaintyM2, r.Activity?.UncertaintyT)).ToList();
        await storage.Tables.UpsertAllAsync(rows);

        var stamp = gathered.NewestInput.UtcDateTime.Date;
        var options = new ClimateTraceExportOptions(stamp, stamp);
        var blobs = new List<string>();
        foreach (var sector in ClimateTraceCsvWriter.Sectors(result))
        {
            blobs.Add(await UploadTextAsync(WorkflowProducts.Export(key, ClimateTraceFormat.SourcesFileName(sector)), w => ClimateTraceCsvWriter.WriteSources(result, sector, options, w), "text/csv"));
            blobs.Add(await UploadTextAsync(WorkflowProducts.Export(key, ClimateTraceFormat.ConfidenceFileName(sector)), w => ClimateTraceCsvWriter.WriteConfidence(result, sector, options, w), "text/csv"));
        }
        blobs.Add(await UploadTextAsync(WorkflowProducts.Export(key, "estimate.json"), w => w.Write(EstimateJson.Serialize(result)), "application/json"));

        // Per asset with measured areas: the mined-area → production table (METHOD.md §1.6), as `mine activity` writes it.
        foreach (var assetId in gathered.YearAreas.Select(a => a.AssetId).Distinct().Order(StringComparer.Ordinal))
        {
            var areas = gathered.YearAreas.Where(a => a.AssetId == assetId).Select(a => a.Area).OrderBy(a => a.Year).ToList();
            var ore = inputs.Production.Where(p => p.AssetId == assetId && p.IsOre).ToDictionary(p => p.Year, p => p.Tonnes);
            var table = AssetProductionTable.Compute(areas, ore);
            blobs.Add(await UploadTextAsync(WorkflowProducts.Activity(assetId, key), w => AssetProductionCsvWriter.Write(table, w), "text/csv"));
        }
        return RunEstimateOutcome.Of(rows.Count, blobs, [.. warnings, .. result.Warnings]);
    }

    private async Task GatherAsync(string assetId, string key, EstimateSources into)
    {
        var manifestBlob = await storage.Inputs.GetAsync(InputLayout.Manifest(assetId))
            ?? throw new InvalidDataException($"Asset '{assetId}' has no {InputLayout.ManifestFile}.");
        into.Seen(manifestBlob);
        var manifest = AssetManifest.Parse(await TextAsync(manifestBlob.Name), manifestBlob.Name);
        into.Assets.Add(new Asset(assetId, manifest.Name, CommodityExtensions.Parse(manifest.Commodity), manifest.Iso3, manifest.Lat, manifest.Lon, null), 1);

        await ReadOptionalAsync(InputLayout.Production(assetId), into, (reader, name) => into.Production.AddAll(OwnRows(ProductionCsvReader.Read(reader, name), assetId, p => p.AssetId)));
        await ReadOptionalAsync(InputLayout.Emissions(assetId), into, (reader, name) => into.Emissions.AddAll(EmissionsReportCsvReader.Read(reader, name)));

        await foreach (var row in storage.Tables.QueryAssetAsync<AnnualActivityRow>(assetId, key))
        {
            if (row.ActiveAreaM2 is not { } area || row.ActivePixels is not { } pixels) continue;
            into.Areas.Add(new MinedArea(assetId, row.Year, area, row.ActiveAreaUncertaintyM2), row.Year);
            into.YearAreas.Add((assetId, new YearArea(row.Year, pixels, area)));
        }
    }

    /// <summary>An asset folder's production file speaks for that asset only: rows for another asset are errors.</summary>
    private static ParseResult<T> OwnRows<T>(ParseResult<T> parsed, string assetId, Func<T, string> idOf)
    {
        var foreign = parsed.Rows.Where(r => idOf(r.Value) != assetId)
            .Select(r => new InputError(parsed.File, r.Line, $"asset_id '{idOf(r.Value)}' is not this folder's asset '{assetId}'.")).ToList();
        return foreign.Count == 0 ? parsed : parsed with { Rows = parsed.Rows.Where(r => idOf(r.Value) == assetId).ToList(), Errors = [.. parsed.Errors, .. foreign] };
    }

    private async Task ReadOptionalAsync(string blobName, EstimateSources into, Action<TextReader, string> read)
    {
        var blob = await storage.Inputs.GetAsync(blobName);
        if (blob is null) return;
        into.Seen(blob);
        read(new StringReader(await TextAsync(blobName)), blobName);
    }

    private async Task<string> TextAsync(string blobName) => Encoding.UTF8.GetString(await storage.Inputs.DownloadBytesAsync(blobName));

    private async Task<string> UploadTextAsync(string blobName, Action<TextWriter> write, string contentType)
    {
        var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        await storage.Products.UploadAsync(blobName, Encoding.UTF8.GetBytes(writer.ToString()), contentType);
        return blobName;
    }
}
