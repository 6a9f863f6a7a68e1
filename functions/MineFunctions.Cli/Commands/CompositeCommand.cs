using MineFunctions.Infrastructure.Files;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine composite`: three annual mean NDAI GeoTIFFs → RGB composite → colour classes inside the
/// mine polygon → counts (METHOD.md §1.5), with the same Core call the workflow uses.
/// </summary>
internal sealed class CompositeCommand : ICliCommand
{
    public string Name => "composite";
    public string Summary => "3-year RGB composite, colour classes and counts inside a mine polygon.";

    public string Usage =>
        "mine composite --years Y1.tif Y2.tif Y3.tif --aoi POLYGON --out DIR [--rule hsv|threshold] [--all-touched]\n" +
        "  writes counts.csv (class,pixels), composite.tif (RGB), classes.tif (255 = outside or no data),\n" +
        "  composite.png, class-<colour>.png (transparent outside the polygon), legend.png and LEGEND.md";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var years = args.Many("years");
        var aoi = args.Required("aoi");
        var outDir = args.Required("out");
        var allTouched = args.Has("all-touched");
        var settings = ClassifierSettings.Default with
        {
            Rule = (args.Optional("rule") ?? "hsv") switch
            {
                "hsv" => ClassificationRule.Hsv,
                "threshold" => ClassificationRule.ChannelThreshold,
                var other => throw new UsageException($"--rule must be hsv or threshold, got '{other}'."),
            },
        };
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
        var result = WindowClassification.Run(rasters[0], rasters[1], rasters[2], polygon, CompositeScaling.Default, settings);

        Directory.CreateDirectory(outDir);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "counts.csv"), ClassCountsCsvWriter.Write(result.Counts), cancellationToken);
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "composite.tif"), [result.Red, result.Green, result.Blue], grid!, GeoTiffOptions.Default with { CloudOptimised = true });
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "classes.tif"), [result.Classes], grid!, GeoTiffOptions.Default with { CloudOptimised = true, ByteNoData = ColourClassifier.Excluded });
        QuickLookPng.WriteAll(outDir, grid!.Width, grid.Height, result.Red, result.Green, result.Blue, result.Classes);

        output.WriteLine($"Rule {settings.Rule}; {result.Counts.Total} classified pixels inside the polygon:");
        foreach (var c in ColourClassExtensions.CsvOrder) output.WriteLine($"  {c.CsvName(),-8} {result.Counts[c],10}");
        for (var y = 0; y < 3; y++) output.WriteLine($"  active in year {y + 1}: {result.Counts.ActivePixels(y)} px");
        return 0;
    }
}
