using Microsoft.DurableTask;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Pairs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Reads an asset's folder: checks its manifest and polygon exist, finds the pair rasters (dates
/// from names, METHOD.md §1.1 selection with the optional catalogue's baselines) or the SLC dates
/// (every date pair with an allowed temporal baseline), and assigns each pair its year.
/// </summary>
public sealed class DiscoverAssetActivity(PipelineStorage storage) : TaskActivity<AssetScope, AssetInventory>
{
    public override async Task<AssetInventory> RunAsync(TaskActivityContext context, AssetScope input)
    {
        var asset = BlobPath.AssetId(input.AssetId);
        var blobs = new List<InputBlob>();
        await foreach (var blob in storage.Inputs.ListAssetInputsAsync(asset)) blobs.Add(blob);

        if (!blobs.Any(b => b.Kind == InputBlobKind.Manifest))
            throw new InvalidDataException($"Asset '{asset}' has no {InputLayout.ManifestFile}.");
        AssetManifest.Parse(await DownloadTextAsync(InputLayout.Manifest(asset)), $"{asset}/{InputLayout.ManifestFile}");
        if (!blobs.Any(b => b.Kind == InputBlobKind.Polygon))
            throw new InvalidDataException($"Asset '{asset}' has no mine polygon ({string.Join(" or ", InputLayout.PolygonFiles)}).");

        var catalogue = blobs.Any(b => b.Kind == InputBlobKind.PairCatalogue)
            ? PairCatalogueCsv.Read(new StringReader(await DownloadTextAsync(InputLayout.PairCatalogue(asset))), $"{asset}/{InputLayout.PairCatalogueFile}")
            : [];
        var byDates = catalogue.ToDictionary(c => (c.Reference, c.Secondary));

        var excluded = new List<PairExclusion>();
        var candidates = new List<(PairCandidate Candidate, string? Blob)>();
        foreach (var blob in blobs.Where(b => b.Kind == InputBlobKind.PairRaster))
        {
            if (PairDateParser.FromFileName(blob.FileName) is not { } dates || dates.Secondary <= dates.Reference)
            {
                excluded.Add(new PairExclusion(blob.FileName, "no two YYYYMMDD dates (reference before secondary) in the file name"));
                continue;
            }
            candidates.Add((Candidate(dates.Reference, dates.Secondary, byDates), blob.BlobName));
        }

        var slcDates = blobs.Where(b => b.Kind == InputBlobKind.SlcRaster)
            .Select(b => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(b.FileName), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().Distinct().Order().ToList();
        foreach (var (reference, secondary) in SlcPairs(slcDates, input.Settings.TemporalBaselinesDays))
        {
            candidates.Add((Candidate(reference, secondary, byDates), null));
        }

        var duplicate = candidates.GroupBy(c => c.Candidate.PairId).Where(g => g.Count() > 1).ToList();
        foreach (var g in duplicate) excluded.Add(new PairExclusion(g.Key, $"{g.Count()} inputs for the same dates"));
        var unique = candidates.Where(c => duplicate.All(d => d.Key != c.Candidate.PairId)).ToDictionary(c => c.Candidate.PairId, c => c.Blob);

        var rule = input.Settings.YearRule();
        var pairs = new List<PairWork>();
        foreach (var verdict in PairSelector.Select(candidates.Where(c => unique.ContainsKey(c.Candidate.PairId)).Select(c => c.Candidate), input.Settings.Selection()))
        {
            var p = verdict.Pair;
            if (!verdict.Selected)
            {
                excluded.Add(new PairExclusion(p.PairId, verdict.Reason));
                continue;
            }
            var blob = unique[p.PairId];
            pairs.Add(new PairWork(p.PairId, p.Reference, p.Secondary, YearAssignment.YearOf(p.Reference, p.Secondary, rule), blob is null, blob));
        }
        return new AssetInventory(asset, pairs, excluded);
    }

    private async Task<string> DownloadTextAsync(string blobName) =>
        System.Text.Encoding.UTF8.GetString(await storage.Inputs.DownloadBytesAsync(blobName));

    private static PairCandidate Candidate(DateOnly reference, DateOnly secondary, Dictionary<(DateOnly, DateOnly), PairCatalogueEntry> catalogue)
    {
        var id = ProductLayout.PairId(reference, secondary);
        return catalogue.TryGetValue((reference, secondary), out var c)
            ? new PairCandidate(id, reference, secondary, c.PerpendicularBaselineM, c.Track, c.Direction, c.Polarisation)
            : new PairCandidate(id, reference, secondary);
    }

    /// <summary>
    /// Consecutive SLC dates whose gap is an allowed temporal baseline: the 12-day chain, bridged by a
    /// 24-day pair where one acquisition is missing (METHOD.md §1.1), never redundant longer pairs.
    /// </summary>
    private static IEnumerable<(DateOnly, DateOnly)> SlcPairs(List<DateOnly> dates, IReadOnlyList<int> baselines)
    {
        for (var i = 0; i + 1 < dates.Count; i++)
        {
            if (baselines.Contains(dates[i + 1].DayNumber - dates[i].DayNumber)) yield return (dates[i], dates[i + 1]);
        }
    }
}
