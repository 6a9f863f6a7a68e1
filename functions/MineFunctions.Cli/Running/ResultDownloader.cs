using MineFunctions.Infrastructure.Files;
using System.Globalization;
using System.Text;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Copies a run's products to a folder a user can open: per asset its PNG quick-looks, composite
/// and class GeoTIFFs, class counts, production table and pair report; at the top the Climate
/// TRACE CSVs and their JSON form. Products are only read here: the workflow made them.
/// </summary>
internal static class ResultDownloader
{
    public static async Task<IReadOnlyList<string>> DownloadAsync(PipelineStorage storage, string settingsKey, IReadOnlyList<string> assets, string outDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        foreach (var asset in assets)
        {
            var assetDir = Path.Combine(outDir, asset);
            Directory.CreateDirectory(assetDir);
            await foreach (var blob in storage.Products.ListAsync(ProductLayout.Prefix(asset, settingsKey), cancellationToken))
            {
                var relative = blob.Name[ProductLayout.Prefix(asset, settingsKey).Length..];
                var folder = relative.Split('/')[0];
                if (folder is not ("png" or "composite" or "classes" or "counts" or "export" or "report")) continue;
                var target = Path.Combine(assetDir, folder == "png" ? Path.Combine("png", Path.GetFileName(relative)) : folder is "export" or "report" ? Path.GetFileName(relative) : $"{folder}_{Path.GetFileName(relative)}");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await storage.Products.DownloadToFileAsync(blob.Name, target, cancellationToken);
                written.Add(target);
            }
            var report = Path.Combine(assetDir, "pairs.csv");
            await AtomicFile.WriteAllTextAsync(report, await PairReportAsync(storage, asset, settingsKey, cancellationToken), cancellationToken);
            written.Add(report);
        }

        await foreach (var blob in storage.Products.ListAsync(WorkflowProducts.ExportPrefix(settingsKey), cancellationToken))
        {
            var target = Path.Combine(outDir, Path.GetFileName(blob.Name));
            await storage.Products.DownloadToFileAsync(blob.Name, target, cancellationToken);
            written.Add(target);
        }
        return written;
    }

    /// <summary>
    /// Per-pair report: dates, year, stable mean/std, accepted or the reason (pairs the selection rules
    /// left out say "excluded: …" with their numbers), the pair's Bperp (secondary − reference, m) and its source,
    /// and for a HyP3 product input its name, looks and pixel spacing.
    /// </summary>
    public static async Task<string> PairReportAsync(PipelineStorage storage, string asset, string settingsKey, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("reference,secondary,year,stable_pixels,stable_mean,stable_std,accepted,reason,bperp_m,bperp_source,product,looks,pixel_spacing_m\n");
        var rows = new List<PairResultRow>();
        await foreach (var row in storage.Tables.QueryAssetAsync<PairResultRow>(asset, settingsKey, cancellationToken)) rows.Add(row);
        foreach (var r in rows.OrderBy(r => r.ReferenceDate).ThenBy(r => r.SecondaryDate))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.ReferenceDate:yyyy-MM-dd},{r.SecondaryDate:yyyy-MM-dd},{r.Year},{r.StablePixels},{r.StableMean:0.0000},{r.StableStd:0.0000},{(r.Accepted ? "yes" : "no")},\"{r.Reason?.Replace("\"", "'", StringComparison.Ordinal)}\",{r.PerpendicularBaselineM:0.###},\"{r.BaselineSource?.Replace("\"", "'", StringComparison.Ordinal)}\",{r.ProductName},{r.Looks},{r.PixelSpacingM:0.###}\n");
        }
        return csv.ToString();
    }
}
