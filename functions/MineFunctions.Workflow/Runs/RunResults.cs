using MineFunctions.Infrastructure.Files;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Runs;

/// <summary>One year of an asset's results: its activity row (pairs, active pixels, area) and its emissions row, either may be missing.</summary>
public sealed record AssetYear(int Year, AnnualActivityRow? Activity, EmissionsRow? Emissions);

/// <summary>An opened product blob: its content stream (the caller disposes it) and media type.</summary>
public sealed record ProductContent(Stream Content, string ContentType);

/// <summary>What the read side of both hosts needs from a run's products and result rows (mocked by the HTTP trigger tests).</summary>
public interface IRunResults
{
    /// <summary>Every year with a result row of the asset under that settings key, oldest first; empty when none.</summary>
    Task<IReadOnlyList<AssetYear>> GetAssetYearsAsync(string assetId, string settingsKey, CancellationToken cancellationToken);

    /// <summary>The asset's latest RGB composite quick-look, or null when none exists.</summary>
    Task<ProductContent?> OpenCompositePngAsync(string assetId, string settingsKey, CancellationToken cancellationToken);

    /// <summary>The run-level Climate TRACE CSV of a commodity's sector, or null when not exported yet.</summary>
    Task<ProductContent?> OpenSectorExportAsync(Commodity commodity, string settingsKey, CancellationToken cancellationToken);

    /// <summary>The asset's screened pairs (accepted, or why not), in date order; empty when none.</summary>
    Task<IReadOnlyList<AssetPair>> GetPairsAsync(string assetId, string settingsKey, CancellationToken cancellationToken);

    /// <summary>The asset's map windows, grid and downloadable products (<see cref="ProductNames"/>).</summary>
    Task<AssetProducts> GetProductsAsync(string assetId, string settingsKey, CancellationToken cancellationToken);

    /// <summary>One asset product by its <see cref="ProductNames"/> name, or null when it does not exist; throws <see cref="ArgumentException"/> for a name outside the catalogue.</summary>
    Task<ProductContent?> OpenProductAsync(string assetId, string settingsKey, string name, CancellationToken cancellationToken);

    /// <summary>The run-level export files of a settings key (Climate TRACE CSVs, estimate.json), in name order.</summary>
    Task<IReadOnlyList<ProductFile>> ListExportsAsync(string settingsKey, CancellationToken cancellationToken);

    /// <summary>One export file by name, or null when it does not exist; throws <see cref="ArgumentException"/> for a name outside the catalogue.</summary>
    Task<ProductContent?> OpenExportAsync(string settingsKey, string name, CancellationToken cancellationToken);
}

/// <summary>
/// Reads results and products where the workflow wrote them (result tables; products container at
/// <see cref="StorageLayout"/> and <see cref="StorageLayout"/> names), for the HTTP endpoints and
/// for `mine results`, `mine run` and the demo. Only reads: the workflow made everything here.
/// </summary>
public sealed partial class RunResults(PipelineStorage storage) : IRunResults
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AssetYear>> GetAssetYearsAsync(string assetId, string settingsKey, CancellationToken cancellationToken)
    {
        var areas = new Dictionary<int, AnnualActivityRow>();
        await foreach (var row in storage.Tables.QueryAssetAsync<AnnualActivityRow>(assetId, settingsKey, cancellationToken)) areas[row.Year] = row;
        var emissions = new Dictionary<int, EmissionsRow>();
        await foreach (var row in storage.Tables.QueryAssetAsync<EmissionsRow>(assetId, settingsKey, cancellationToken)) emissions[row.Year] = row;
        return [.. areas.Keys.Union(emissions.Keys).Order().Select(y => new AssetYear(y, areas.GetValueOrDefault(y), emissions.GetValueOrDefault(y)))];
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenCompositePngAsync(string assetId, string settingsKey, CancellationToken cancellationToken)
    {
        // Quick-looks are named composite_<y1>-<y3>.png; the latest window is the one to show.
        var prefix = StorageLayout.ProductPrefix(assetId, settingsKey) + StorageLayout.PngFolder + "/";
        string? latest = null;
        await foreach (var blob in storage.Products.ListAsync(prefix, cancellationToken))
        {
            if (CompositePng().IsMatch(blob.Name.AsSpan(prefix.Length)) && string.CompareOrdinal(blob.Name, latest) > 0)
                latest = blob.Name;
        }
        return latest is null ? null : new ProductContent(await storage.Products.OpenReadAsync(latest, cancellationToken), "image/png");
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenSectorExportAsync(Commodity commodity, string settingsKey, CancellationToken cancellationToken)
    {
        var name = StorageLayout.Export(settingsKey, ClimateTraceFormat.SourcesFileName(commodity));
        return await storage.Products.GetAsync(name, cancellationToken) is null
            ? null
            : new ProductContent(await storage.Products.OpenReadAsync(name, cancellationToken), "text/csv");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssetPair>> GetPairsAsync(string assetId, string settingsKey, CancellationToken cancellationToken)
    {
        var pairs = new List<AssetPair>();
        await foreach (var r in storage.Tables.QueryAssetAsync<PairResultRow>(assetId, settingsKey, cancellationToken))
        {
            pairs.Add(new AssetPair(r.ReferenceDate, r.SecondaryDate, r.Year, r.Accepted, r.Reason, r.StablePixels, r.StableMean, r.StableStd, r.PerpendicularBaselineM));
        }
        return [.. pairs.OrderBy(p => p.Reference).ThenBy(p => p.Secondary)];
    }

    /// <inheritdoc />
    public async Task<AssetProducts> GetProductsAsync(string assetId, string settingsKey, CancellationToken cancellationToken)
    {
        var prefix = StorageLayout.ProductPrefix(assetId, settingsKey);
        var files = new List<ProductFile>();
        var windows = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Products.ListAsync(prefix, cancellationToken))
        {
            var relative = blob.Name[prefix.Length..];
            if (ProductNames.NameOf(relative) is not { } name) continue;
            ProductNames.TryResolve(name, out _, out var type, out _);
            files.Add(new ProductFile(name, blob.Length, type!));
            if (name.StartsWith("composite_", StringComparison.Ordinal) && name.EndsWith(".png", StringComparison.Ordinal))
                windows.Add(name["composite_".Length..^4]);
            // The class quick-looks are drawn from the class raster on request: their size is not known before.
            if (name.StartsWith("classes_", StringComparison.Ordinal))
                files.AddRange(ClassQuickLooks.NamesOf(name["classes_".Length..^4]).Select(png => new ProductFile(png, -1, "image/png")));
        }
        await foreach (var _ in storage.Tables.QueryAssetAsync<PairResultRow>(assetId, settingsKey, cancellationToken))
        {
            // The report is written from these rows on request; its size is not known before.
            files.Add(new ProductFile(ProductNames.PairReport, -1, "text/csv"));
            break;
        }
        var grid = windows.Count == 0 ? null : await GridOfAsync(prefix + $"composite/{windows.Max}.tif", cancellationToken);
        return new AssetProducts(assetId, [.. windows], grid, [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenProductAsync(string assetId, string settingsKey, string name, CancellationToken cancellationToken)
    {
        if (!ProductNames.TryResolve(name, out var relative, out var contentType, out var reason)) throw new ArgumentException(reason);
        if (name == ProductNames.PairReport)
        {
            var report = await PairReportAsync(assetId, settingsKey, cancellationToken);
            // A header alone means the asset has no pair rows under these settings.
            return report.Count(c => c == '\n') <= 1 ? null : new ProductContent(new MemoryStream(Encoding.UTF8.GetBytes(report), writable: false), contentType);
        }
        var blob = StorageLayout.ProductPrefix(assetId, settingsKey) + relative;
        if (ClassQuickLooks.TryParse(name, out var colour, out _))
        {
            return await ClassQuickLooks.RenderAsync(storage.Products, blob, colour, storage.ReadOptions, cancellationToken) is { } png
                ? new ProductContent(new MemoryStream(png, writable: false), contentType)
                : null;
        }
        return await storage.Products.GetAsync(blob, cancellationToken) is null
            ? null
            : new ProductContent(await storage.Products.OpenReadAsync(blob, cancellationToken), contentType);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductFile>> ListExportsAsync(string settingsKey, CancellationToken cancellationToken)
    {
        var prefix = StorageLayout.ExportPrefix(settingsKey);
        var files = new List<ProductFile>();
        await foreach (var blob in storage.Products.ListAsync(prefix, cancellationToken))
        {
            var name = blob.Name[prefix.Length..];
            if (ProductNames.IsExport(name)) files.Add(new ProductFile(name, blob.Length, ProductNames.ExportContentType(name)));
        }
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<ProductContent?> OpenExportAsync(string settingsKey, string name, CancellationToken cancellationToken)
    {
        if (!ProductNames.IsExport(name)) throw new ArgumentException($"unknown export file '{(name.Length <= 40 ? name : name[..40] + "…")}'");
        var blob = StorageLayout.Export(settingsKey, name);
        return await storage.Products.GetAsync(blob, cancellationToken) is null
            ? null
            : new ProductContent(await storage.Products.OpenReadAsync(blob, cancellationToken), ProductNames.ExportContentType(name));
    }

    /// <summary>The grid of a composite GeoTIFF (its header, through GDAL), or null when the blob is gone.</summary>
    private async Task<MapGrid?> GridOfAsync(string compositeBlob, CancellationToken cancellationToken)
    {
        if (await storage.Products.GetAsync(compositeBlob, cancellationToken) is null) return null;
        var bytes = await storage.Products.DownloadBytesAsync(compositeBlob, cancellationToken);
        using var raster = GdalRaster.OpenBytes(bytes, Path.GetFileName(compositeBlob), storage.ReadOptions);
        var info = raster.Info;
        if (string.IsNullOrWhiteSpace(info.CrsWkt))
            return new MapGrid(info.Width, info.Height, info.GeoTransform, false, null, "", false, 0);
        var crs = GridCrs.Describe(info.CrsWkt);
        return new MapGrid(info.Width, info.Height, info.GeoTransform, true, crs.Epsg, crs.Name, crs.Geographic, crs.MetresPerUnit);
    }

    /// <summary>
    /// Copies products to a folder a user can open: per asset its PNG quick-looks, composite and class
    /// GeoTIFFs, class counts, production table and pair report; at the top the Climate TRACE CSVs
    /// and their JSON form. Returns the files written.
    /// </summary>
    public async Task<IReadOnlyList<string>> DownloadAsync(IReadOnlyList<string> assets, string settingsKey, string outDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        foreach (var asset in assets)
        {
            var assetDir = Path.Combine(outDir, asset);
            Directory.CreateDirectory(assetDir);
            var prefix = StorageLayout.ProductPrefix(asset, settingsKey);
            await foreach (var blob in storage.Products.ListAsync(prefix, cancellationToken))
            {
                var relative = blob.Name[prefix.Length..];
                var folder = relative.Split('/')[0];
                if (folder is not ("png" or "composite" or "classes" or "counts" or "export" or "report")) continue;
                // A class quick-look an earlier version stored: drawn below from the class raster instead.
                if (folder == "png" && ClassQuickLooks.TryParse(Path.GetFileName(relative), out _, out _)) continue;
                var target = Path.Combine(assetDir, folder == "png" ? Path.Combine("png", Path.GetFileName(relative)) : folder is "export" or "report" ? Path.GetFileName(relative) : $"{folder}_{Path.GetFileName(relative)}");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await storage.Products.DownloadToFileAsync(blob.Name, target, cancellationToken);
                written.Add(target);
                if (folder == StorageLayout.ClassesFolder) written.AddRange(await WriteClassQuickLooksAsync(target, Path.GetFileNameWithoutExtension(relative), Path.Combine(assetDir, "png"), cancellationToken));
            }
            var report = Path.Combine(assetDir, "pairs.csv");
            await AtomicFile.WriteAllTextAsync(report, await PairReportAsync(asset, settingsKey, cancellationToken), cancellationToken);
            written.Add(report);
        }

        await foreach (var blob in storage.Products.ListAsync(StorageLayout.ExportPrefix(settingsKey), cancellationToken))
        {
            var target = Path.Combine(outDir, Path.GetFileName(blob.Name));
            await storage.Products.DownloadToFileAsync(blob.Name, target, cancellationToken);
            written.Add(target);
        }
        return written;
    }

    /// <summary>The eight class quick-looks of a window into <paramref name="pngDir"/>, drawn from its downloaded class raster.</summary>
    private async Task<IEnumerable<string>> WriteClassQuickLooksAsync(string classRaster, string window, string pngDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(pngDir);
        var (classes, width, height) = ClassQuickLooks.Decode(await File.ReadAllBytesAsync(classRaster, cancellationToken), Path.GetFileName(classRaster), storage.ReadOptions);
        var written = new List<string>();
        foreach (var colour in ColourClassExtensions.CsvOrder)
        {
            var target = Path.Combine(pngDir, ClassQuickLooks.Name(colour, window));
            await AtomicFile.WriteAllBytesAsync(target, QuickLookPng.Class(width, height, classes, colour), cancellationToken);
            written.Add(target);
        }
        return written;
    }

    /// <summary>
    /// Per-pair report: dates, year, stable mean/std, accepted or the reason (pairs the selection rules
    /// left out say "excluded: …" with their numbers; unreadable ones "failed: file: reason"), the pair's
    /// Bperp (secondary − reference, m) and its source, and for a HyP3 product input its name, looks and
    /// pixel spacing. Text fields go through <see cref="CsvText.Field"/> (quoting, formula neutralising).
    /// </summary>
    public async Task<string> PairReportAsync(string asset, string settingsKey, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("reference,secondary,year,stable_pixels,stable_mean,stable_std,accepted,reason,bperp_m,bperp_source,product,looks,pixel_spacing_m\n");
        var rows = new List<PairResultRow>();
        await foreach (var row in storage.Tables.QueryAssetAsync<PairResultRow>(asset, settingsKey, cancellationToken)) rows.Add(row);
        foreach (var r in rows.OrderBy(r => r.ReferenceDate).ThenBy(r => r.SecondaryDate))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.ReferenceDate:yyyy-MM-dd},{r.SecondaryDate:yyyy-MM-dd},{r.Year},{r.StablePixels},{r.StableMean:0.0000},{r.StableStd:0.0000},{(r.Accepted ? "yes" : "no")},{CsvText.Field(r.Reason)},{r.PerpendicularBaselineM:0.###},{CsvText.Field(r.BaselineSource)},{CsvText.Field(r.ProductName)},{CsvText.Field(r.Looks)},{r.PixelSpacingM:0.###}\n");
        }
        return csv.ToString();
    }

    [GeneratedRegex(@"^composite_\d{4}-\d{4}\.png$", RegexOptions.CultureInvariant)]
    private static partial Regex CompositePng();
}
