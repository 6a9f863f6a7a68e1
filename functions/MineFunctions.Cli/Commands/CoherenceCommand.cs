using System.Diagnostics;
using System.Globalization;
using MineFunctions.Core.Coherence;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine coherence --reference A.tif --secondary B.tif --out C.tif [--window 7x2] [--edges truncate|nodata]`:
/// a coherence GeoTIFF from a coregistered complex pair with the Core estimator (METHOD.md §1.2).
/// </summary>
internal sealed class CoherenceCommand : ICliCommand
{
    public string Name => "coherence";
    public string Summary => "Coherence GeoTIFF from a coregistered complex (SLC) pair with the Core estimator.";
    public string Usage => "mine coherence --reference A.tif --secondary B.tif --out C.tif [--window 7x2] [--edges truncate|nodata] [--strip-rows 512]";

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var reference = args.Required("reference");
        var secondary = args.Required("secondary");
        var outPath = args.Required("out");
        var windowText = args.Optional("window") ?? CoherenceWindow.Default.ToString();
        var edges = (args.Optional("edges") ?? "truncate").ToLowerInvariant() switch
        {
            "truncate" => CoherenceEdgeMode.Truncate,
            "nodata" => CoherenceEdgeMode.NoData,
            var e => throw new UsageException($"--edges must be truncate or nodata, got '{e}'."),
        };
        var stripRows = args.Int("strip-rows", 512);
        args.RejectUnknown();
        CoherenceWindow window;
        try
        {
            window = CoherenceWindow.Parse(windowText);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (stripRows < 1) throw new UsageException("--strip-rows must be at least 1.");

        var sw = Stopwatch.StartNew();
        var s = CoherenceRasters.Compute(reference, secondary, outPath, window, edges, stripRows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {outPath}: {s.Width}×{s.Height}, window {s.Window} ({s.Window.Looks} looks), edges {edges}, {s.NoDataPixels} nodata pixel(s), {sw.Elapsed.TotalSeconds:0.00} s."));
        using (var written = GdalRaster.Open(outPath))
        {
            if (string.IsNullOrEmpty(written.Info.CrsWkt)) output.WriteLine("Note: " + RadarGeometry.Note);
        }
        return Task.FromResult(0);
    }
}
