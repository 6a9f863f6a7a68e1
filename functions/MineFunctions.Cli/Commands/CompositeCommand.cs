using MineFunctions.Infrastructure.Files;
using MineFunctions.Core.Coherence;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine composite`: three annual mean NDAI GeoTIFFs → RGB composite → colour classes inside the
/// mine polygon → counts (METHOD.md §1.5), with the same Core call the workflow uses. The adaptive rule
/// (default, METHOD.md §3) reads the files `mine ndai` writes beside each year's mean:
/// &lt;stem&gt;_pairs.tif and &lt;stem&gt;_disturbed.tif, and stable_mask.tif and stable_mean.tif in the first
/// year's folder.
/// </summary>
internal sealed class CompositeCommand : ICliCommand
{
    public string Name => "composite";
    public string Summary => "3-year RGB composite, colour classes and counts inside a mine polygon.";

    public string Usage =>
        "mine composite --years Y1.tif Y2.tif Y3.tif --aoi POLYGON --out DIR [--rule adaptive|hsv|threshold] [--window 7x2] [--all-touched]\n" +
        "               " + ClassifierArguments.AdaptiveUsage + " " + ClassifierArguments.FixedRuleUsage + "\n" +
        "  --rule adaptive (default) reads, as `mine ndai` writes them, <year>_pairs.tif and <year>_disturbed.tif beside\n" +
        "  each year, and stable_mask.tif and stable_mean.tif beside the first; --window gives the looks and the majority filter's box (METHOD.md §3);\n" +
        "  hsv is the seed's rule (Climate TRACE's procedure), threshold the per-channel one; the thresholds are the\n" +
        "  pipeline settings ActiveShare (0.22), ActiveZ (1.645), ValueMin, SaturationMin, ChannelThreshold (0.5)\n" +
        "  writes counts.csv (class,pixels), composite.tif (RGB), classes.tif (255 = outside or no data),\n" +
        "  composite.png, class-<colour>.png (transparent outside the polygon), legend.png and LEGEND.md";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var years = args.Many("years");
        var aoi = args.Required("aoi");
        var outDir = args.Required("out");
        var allTouched = args.Has("all-touched");
        var settings = ClassifierArguments.Read(args, ClassifyCommand.Rule(args.Optional("rule") ?? "adaptive"));
        CoherenceWindow window;
        try { window = CoherenceWindow.Parse(args.Optional("window") ?? CoherenceWindow.Default.ToString()); }
        catch (FormatException ex) { throw new UsageException(ex.Message); }
        args.RejectUnknown();
        if (years.Count != 3) throw new UsageException($"--years takes exactly three annual NDAI rasters (first, second, third year), got {years.Count}.");

        var rasters = new float[3][];
        GridSpec? grid = null;
        for (var i = 0; i < 3; i++)
        {
            using var raster = GdalRaster.Open(years[i]);
            if (grid is null) grid = raster.Grid;
            else GridCheck.EnsureSameGrid(grid, years[0], raster.Grid, years[i]);
            rasters[i] = raster.ReadFloat32();
        }
        var polygon = PolygonMask.Rasterize(aoi, grid!, allTouched);
        var adaptive = settings.Rule == ClassificationRule.Adaptive ? AdaptiveInputsBeside(years, rasters, grid!, window) : null;
        var result = WindowClassification.Run(rasters[0], rasters[1], rasters[2], polygon, CompositeScaling.Default, settings, adaptive);

        Directory.CreateDirectory(outDir);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "counts.csv"), ClassCountsCsvWriter.Write(result.Counts), cancellationToken);
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "composite.tif"), [result.Red, result.Green, result.Blue], grid!, GeoTiffOptions.Default with { CloudOptimised = true });
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "classes.tif"), [result.Classes], grid!, GeoTiffOptions.Default with { CloudOptimised = true, ByteNoData = ColourClassifier.Excluded });
        QuickLookPng.WriteAll(outDir, grid!.Width, grid.Height, result.Red, result.Green, result.Blue, result.Classes);

        output.WriteLine($"Rule {settings.Rule}; {result.Counts.Total} classified pixels inside the polygon:");
        foreach (var c in ColourClassExtensions.CsvOrder) output.WriteLine($"  {c.CsvName(),-8} {result.Counts[c],10}");
        for (var y = 0; y < 3; y++)
            output.WriteLine($"  active in year {y + 1}: {result.Counts.ActivePixels(y)} px" + (result.UncertainPixels is { } u ? $" ({u[y]} uncertain)" : ""));
        return 0;
    }

    /// <summary>The adaptive rule's inputs from the files `mine ndai` writes beside the annual means.</summary>
    private static AdaptiveInputs AdaptiveInputsBeside(IReadOnlyList<string> years, float[][] means, GridSpec grid, CoherenceWindow window)
    {
        static string Beside(string year, string suffix) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(year))!, Path.GetFileNameWithoutExtension(year) + suffix);
        var folder = Path.GetDirectoryName(Path.GetFullPath(years[0]))!;
        var needed = years.SelectMany(y => new[] { Beside(y, "_pairs.tif"), Beside(y, "_disturbed.tif") })
            .Append(Path.Combine(folder, "stable_mask.tif")).Append(Path.Combine(folder, "stable_mean.tif")).ToList();
        var missing = needed.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"The adaptive rule needs {string.Join(", ", missing.Select(Path.GetFileName))} beside the annual means (`mine ndai` writes them); or use --rule hsv.");
        float[] Read(string file)
        {
            using var raster = GdalRaster.Open(file);
            GridCheck.EnsureSameGrid(grid, years[0], raster.Grid, file);
            return raster.ReadFloat32();
        }
        var mask = Read(needed[6]).Select(v => v is > 0 ? (byte)1 : (byte)0).ToArray();
        var pairs = Enumerable.Range(0, 3).Select(i => Read(needed[2 * i])).ToList();
        var disturbed = Enumerable.Range(0, 3).Select(i => Read(needed[2 * i + 1])).ToList();
        return AdaptiveInputs.FromStack(means, pairs, disturbed, mask, Read(needed[7]), window, grid.Width)
            ?? throw new UsageException("stable_mask.tif has no stable pixel: the adaptive rule has no background; use --rule hsv.");
    }
}
