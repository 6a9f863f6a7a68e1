using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Export;

/// <summary>One estimate row with the mined area (and its ±) the activity came from, when measured.</summary>
public sealed record RunEstimateRow(AssetYearEstimate Estimate, MinedArea? Area);

/// <summary>A text file of the estimate: its file name, content ("\n" line ends) and content type.</summary>
public sealed record EstimateFile(string FileName, string Text, string ContentType);

/// <summary>
/// What a run's estimate gives: a row per asset-year, the run-level files (Climate TRACE CSVs per sector,
/// then estimate.json and left-out.csv), each measured asset's area → production table (activity.csv), and the warnings,
/// those of assets left out first.
/// </summary>
public sealed record RunEstimateResult(
    IReadOnlyList<RunEstimateRow> Rows, IReadOnlyList<EstimateFile> RunFiles,
    IReadOnlyList<(string AssetId, EstimateFile File)> AssetFiles, IReadOnlyList<string> Warnings);

/// <summary>
/// Production and emissions for every asset together (METHOD.md §1.6–1.7: t/m² and emission factors pool
/// across the assets of a commodity) and their exports (§1.8). An asset whose inputs failed to read or
/// parse is left out with its reasons; the others, and the pools they form, go on. The exports'
/// created/modified date is the newest input's date, so the same inputs give byte-identical files.
/// </summary>
public static class RunEstimate
{
    /// <param name="assets">Each asset's gathered inputs, by asset id.</param>
    /// <exception cref="InvalidDataException">The assets left in have cross-file errors (nothing is exported).</exception>
    public static RunEstimateResult Compute(IReadOnlyDictionary<string, EstimateSources> assets)
    {
        var gathered = new EstimateSources();
        var leftOut = new List<LeftOutAsset>();
        foreach (var (assetId, one) in assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (one.Failure is not null) leftOut.Add(new LeftOutAsset(assetId, one.Failure));
            else if (one.Errors.Count > 0) leftOut.Add(new LeftOutAsset(assetId, string.Join("; ", one.Errors.Select(e => e.ToString()))));
            else gathered.Add(one);
        }
        var warnings = leftOut.Select(l => $"{l.AssetId}: left out of the estimate: {l.Reason}").ToList();

        var (inputs, errors) = EstimateInputsBuilder.Build(
            gathered.Assets.ToResult("asset.json"), gathered.Production.ToResult("production.csv"), null,
            gathered.Emissions.ToResult("emissions.csv"), gathered.Areas.ToResult("AnnualActivity"), CountryRegions.Default, null);
        var nothingToEstimate = gathered.Assets.Count == 0
            || (gathered.Production.Count == 0 && gathered.Emissions.Count == 0 && gathered.Areas.Count == 0);
        if (inputs is null && nothingToEstimate)
        {
            // Nothing to estimate (every asset left out, or none has a measured area or a report yet, e.g. every asset
            // failed): the export says which assets it left out instead of the run failing on an empty estimate.
            return new RunEstimateResult([], [
                Text("estimate.json", w => w.Write(EstimateJson.Serialize(new EstimateResult([], [], []), leftOut)), "application/json"),
                Text(LeftOutCsv.FileName, w => LeftOutCsv.Write(leftOut, w), "text/csv")], [], warnings);
        }
        if (inputs is null)
            throw new InvalidDataException("The run's inputs have errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));

        var result = EmissionsEstimator.Estimate(inputs);
        var areas = inputs.MinedAreas.GroupBy(a => (a.AssetId, a.Year)).ToDictionary(g => g.Key, g => g.First());
        var rows = result.Rows.Select(r => new RunEstimateRow(r, areas.GetValueOrDefault((r.Asset.Id, r.Year)))).ToList();

        var stamp = gathered.NewestInput.UtcDateTime.Date;
        var options = new ClimateTraceExportOptions(stamp, stamp);
        var runFiles = new List<EstimateFile>();
        foreach (var sector in ClimateTraceCsvWriter.Sectors(result))
        {
            runFiles.Add(Text(ClimateTraceFormat.SourcesFileName(sector), w => ClimateTraceCsvWriter.WriteSources(result, sector, options, w), "text/csv"));
            runFiles.Add(Text(ClimateTraceFormat.ConfidenceFileName(sector), w => ClimateTraceCsvWriter.WriteConfidence(result, sector, options, w), "text/csv"));
        }
        runFiles.Add(Text("estimate.json", w => w.Write(EstimateJson.Serialize(result, leftOut)), "application/json"));
        runFiles.Add(Text(LeftOutCsv.FileName, w => LeftOutCsv.Write(leftOut, w), "text/csv"));

        // Per asset with measured areas: the mined-area → production table (METHOD.md §1.6), as `mine activity` writes it.
        var assetFiles = new List<(string, EstimateFile)>();
        foreach (var assetId in gathered.YearAreas.Select(a => a.AssetId).Distinct().Order(StringComparer.Ordinal))
        {
            var years = gathered.YearAreas.Where(a => a.AssetId == assetId).Select(a => a.Area).OrderBy(a => a.Year).ToList();
            var ore = inputs.Production.Where(p => p.AssetId == assetId && p.IsOre).ToDictionary(p => p.Year, p => p.Tonnes);
            var table = AssetProductionTable.Compute(years, ore);
            assetFiles.Add((assetId, Text("activity.csv", w => AssetProductionCsvWriter.Write(table, w), "text/csv")));
        }
        return new RunEstimateResult(rows, runFiles, assetFiles, [.. warnings, .. result.Warnings]);
    }

    /// <summary>An asset folder's file speaks for that asset only: rows for another asset become errors.</summary>
    public static ParseResult<T> OwnRows<T>(ParseResult<T> parsed, string assetId, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var foreign = parsed.Rows.Where(r => idOf(r.Value) != assetId)
            .Select(r => new InputError(parsed.File, r.Line, $"asset_id '{idOf(r.Value)}' is not this folder's asset '{assetId}'.")).ToList();
        return foreign.Count == 0 ? parsed : parsed with { Rows = parsed.Rows.Where(r => idOf(r.Value) == assetId).ToList(), Errors = [.. parsed.Errors, .. foreign] };
    }

    private static EstimateFile Text(string fileName, Action<TextWriter> write, string contentType)
    {
        var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return new EstimateFile(fileName, writer.ToString(), contentType);
    }
}
