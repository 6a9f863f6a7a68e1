using MineFunctions.Infrastructure.Files;
using System.Globalization;
using System.Text;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine ndai`: the stable-point and NDAI stage on plain files (METHOD.md §1.3–1.4), for scientists
/// and for checking the workflow: a folder of coherence GeoTIFFs in, a per-pair report and annual
/// mean NDAI GeoTIFFs out. Two streaming passes; one raster plus the accumulators in memory. It runs
/// the Core stages the workflow's activities run (<see cref="StableStage"/>, <see cref="PairNdai"/>,
/// <see cref="AnnualMeanProducts"/>); only the reads and writes differ (local files, not blobs).
/// </summary>
internal sealed class NdaiCommand : ICliCommand
{
    public string Name => "ndai";
    public string Summary => "Stable points, pair screening and annual mean NDAI from a folder of coherence GeoTIFFs.";

    public string Usage =>
        "mine ndai --pairs DIR [--aoi POLYGON] --out DIR [--year-rule mid|reference] [--stable-mean-min 0.8] [--stable-std-max 0.2] [--window 7x2]\n" +
        "  --pairs DIR   coherence GeoTIFFs with two YYYYMMDD dates in the name or FIRST_DATE/SECOND_DATE tags\n" +
        "  --aoi FILE    stable-area polygon (GeoJSON or shapefile): stable points are searched inside it only\n" +
        "  --out DIR     writes pairs.csv (dates, stable mean/std, accepted or reason) and ndai_<year>.tif,\n" +
        "                ndai_<year>_pairs.tif (per-pixel count of contributing pairs), ndai_<year>_disturbed.tif\n" +
        "                (pairs that disturbed the pixel), stable_mask.tif and stable_mean.tif: the inputs of\n" +
        "                `mine composite --rule adaptive`\n" +
        "  --window XxY  looks of the coherence products (sets the disturbance level, METHOD.md §3)";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var pairsDir = args.Required("pairs");
        var outDir = args.Required("out");
        var aoi = args.Optional("aoi");
        var rule = (args.Optional("year-rule") ?? "mid") switch
        {
            "mid" => YearAssignmentRule.MidDate,
            "reference" => YearAssignmentRule.ReferenceDate,
            var other => throw new UsageException($"--year-rule must be mid or reference, got '{other}'."),
        };
        var thresholds = StableThresholds.Default with
        {
            PixelMeanMin = args.Double("stable-mean-min", StableThresholds.Default.PixelMeanMin),
            PixelStdMax = args.Double("stable-std-max", StableThresholds.Default.PixelStdMax),
            PairMeanMin = args.Double("stable-mean-min", StableThresholds.Default.PairMeanMin),
            PairStdMax = args.Double("stable-std-max", StableThresholds.Default.PairStdMax),
        };
        CoherenceWindow window;
        try { window = CoherenceWindow.Parse(args.Optional("window") ?? CoherenceWindow.Default.ToString()); }
        catch (FormatException ex) { throw new UsageException(ex.Message); }
        args.RejectUnknown();
        if (!Directory.Exists(pairsDir)) throw new UsageException($"--pairs '{pairsDir}' is not a folder.");
        var files = Directory.GetFiles(pairsDir, "*.tif").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new UsageException($"No .tif files in '{pairsDir}'.");

        // Pass 1: per-pixel time statistics, one raster at a time; every raster on the first one's grid.
        var pairs = new List<(string File, PairDates Dates)>();
        PixelStatistics? stats = null;
        GridSpec? grid = null;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var raster = GdalRaster.Open(file);
            var dates = PairDateParser.Resolve(file, raster.Info.Metadata);
            if (grid is null) grid = raster.Grid;
            else GridCheck.EnsureSameGrid(grid, Path.GetFileName(files[0]), raster.Grid, Path.GetFileName(file));
            var coherence = raster.ReadFloat32();
            CoherenceInput.PrepareUserRaster(coherence);
            (stats ??= new PixelStatistics(coherence.Length)).Add(coherence);
            pairs.Add((file, dates));
        }

        var restrict = aoi is null ? default : PolygonMask.Rasterize(aoi, grid!);
        var stable = StableStage.Finish(stats!, thresholds, restrict);
        output.WriteLine($"{pairs.Count} pairs on a {grid!.Width}×{grid.Height} grid; {stable.Mask.Count} stable pixels ({stable.Mask.Source}).");
        var level = DisturbanceLevel.OfStack(stable.MaskBytes, stable.Mean, window.Looks) ?? double.NaN;

        // Pass 2: screening and NDAI per pair (the stage the workflow's NDAI activity runs), into one annual accumulator per year.
        var annual = new SortedDictionary<int, AnnualMeanAccumulator>();
        var report = new StringBuilder("file,reference,secondary,year,stable_pixels,stable_mean,stable_std,accepted,reason\n");
        foreach (var (file, dates) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var raster = GdalRaster.Open(file);
            var coherence = raster.ReadFloat32();
            CoherenceInput.PrepareUserRaster(coherence);
            var (decision, ndai) = PairNdai.Run(coherence, stable.Mask, thresholds);
            var year = YearAssignment.YearOf(dates.Reference, dates.Secondary, rule);
            report.Append(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)},{dates.Reference:yyyy-MM-dd},{dates.Secondary:yyyy-MM-dd},{year},{decision.StablePixelCount},{decision.StableMean:0.0000},{decision.StableStd:0.0000},{(decision.Accepted ? "yes" : "no")},\"{decision.Reason}\"\n");
            if (ndai is null) continue;
            if (!annual.TryGetValue(year, out var acc)) annual[year] = acc = new AnnualMeanAccumulator(ndai.Length, level);
            acc.Add(ndai);
        }

        Directory.CreateDirectory(outDir);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "pairs.csv"), report.ToString(), cancellationToken);
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "stable_mask.tif"), [stable.MaskBytes], grid);
        GeoTiffWriter.WriteFloat32(Path.Combine(outDir, "stable_mean.tif"), stable.Mean, grid);
        foreach (var (year, acc) in annual)
        {
            var products = AnnualMeanProducts.Of(acc);
            GeoTiffWriter.WriteFloat32(Path.Combine(outDir, $"ndai_{year}.tif"), products.Mean, grid);
            GeoTiffWriter.WriteFloat32(Path.Combine(outDir, $"ndai_{year}_pairs.tif"), products.PairCounts, grid);
            GeoTiffWriter.WriteFloat32(Path.Combine(outDir, $"ndai_{year}_disturbed.tif"), products.DisturbedCounts, grid);
            output.WriteLine($"  {year}: {products.Pairs} accepted pairs → ndai_{year}.tif");
        }
        var rejected = pairs.Count - annual.Values.Sum(a => a.PairsAdded);
        output.WriteLine($"{rejected} of {pairs.Count} pairs rejected; report in {Path.Combine(outDir, "pairs.csv")}.");
        return 0;
    }
}
