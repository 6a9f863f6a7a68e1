using System.Globalization;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Infrastructure.Files;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine classify`: an RGB composite the user already has (a PNG or GeoTIFF from SNAP, GEE or a report)
/// → the eight colour classes with the same Core classifier the workflow applies to its own composites
/// (<see cref="ColourClassifier"/>, METHOD.md §1.5) → counts, per-year active pixels and class PNGs.
/// Inside either a polygon (needs a georeferenced image) or a mask raster of the image's size (needs none).
/// </summary>
internal sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";
    public string Summary => "Colour classes, counts and per-year active pixels of an existing RGB composite (PNG or GeoTIFF).";

    public string Usage =>
        "mine classify --rgb FILE (--aoi POLYGON | --mask RASTER) --out DIR [--rule hsv|threshold] [--value-min V] [--saturation-min S]\n" +
        "              [--channel-threshold T] [--first-year YYYY] [--all-touched]\n" +
        "  FILE: 8-bit RGB or RGBA (alpha 0 = no data), red = first year, green = second, blue = third (METHOD.md §1.5)\n" +
        "  --aoi needs a georeferenced image (GeoTIFF with a CRS, or a PNG with a world file or .aux.xml);\n" +
        "  --mask RASTER: non-zero inside, same width and height as FILE, georeferencing not needed\n" +
        "  --rule hsv (default, the seed's) or threshold; V, S, T on a 0-1 scale, defaults 0.5 (MineFunctions__Pipeline__ValueMin, …SaturationMin, …ChannelThreshold)\n" +
        "  writes counts.csv (class,pixels), active.csv (year,channel,active_pixels), classes.tif (255 = outside or no data),\n" +
        "  composite.png, class-<colour>.png, legend.png and LEGEND.md";

    /// <summary>A --rule value (the one parser, <see cref="ClassificationRuleNames"/>) as a usage error when unknown.</summary>
    internal static ClassificationRule Rule(string name)
    {
        try
        {
            return ClassificationRuleNames.Parse(name);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("--rule: " + ex.Message);
        }
    }

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var rgbPath = args.Required("rgb");
        var outDir = args.Required("out");
        var aoi = args.Optional("aoi");
        var maskPath = args.Optional("mask");
        var settings = ClassifierArguments.Read(args, Rule(args.Optional("rule") ?? "hsv"), adaptive: false);
        int? firstYear = args.Has("first-year") ? args.Int("first-year", 0) : null;
        var allTouched = args.Has("all-touched");
        args.RejectUnknown();
        if ((aoi is null) == (maskPath is null)) throw new UsageException("Give either --aoi POLYGON or --mask RASTER (one of them).");
        if (settings.Rule == ClassificationRule.Adaptive)
            throw new UsageException("--rule adaptive decides on the annual NDAI means, not on colours; an existing composite is classified by hsv or threshold (use `mine composite` for adaptive).");

        using var image = GdalRaster.Open(rgbPath);
        var info = image.Info;
        if (info.BandCount is not (3 or 4) || info.DataType != RasterDataType.Byte)
            throw new UsageException($"'{rgbPath}' is {info.BandCount} band(s) of {info.DataType}; an RGB composite is 3 (RGB) or 4 (RGBA) bands of Byte (0-255).");
        var n = info.Width * info.Height;
        var (red, green, blue, valid) = (new byte[n], new byte[n], new byte[n], new byte[n]);
        var channels = new[] { image.ReadFloat32(1), image.ReadFloat32(2), image.ReadFloat32(3) };
        var alpha = info.BandCount == 4 ? image.ReadFloat32(4) : null;
        for (var i = 0; i < n; i++)
        {
            var (r, g, b) = (channels[0][i], channels[1][i], channels[2][i]);
            var ok = !float.IsNaN(r) && !float.IsNaN(g) && !float.IsNaN(b) && (alpha is null || alpha[i] > 0);
            valid[i] = ok ? (byte)1 : (byte)0;
            (red[i], green[i], blue[i]) = ok ? ((byte)r, (byte)g, (byte)b) : ((byte)0, (byte)0, (byte)0);
        }

        var georeferenced = !string.IsNullOrEmpty(info.CrsWkt);
        byte[] inside;
        if (aoi is not null)
        {
            if (!georeferenced)
                throw new UsageException($"'{rgbPath}' has no georeferencing (no CRS), so a polygon cannot be placed on it; give --mask RASTER of the same {info.Width}×{info.Height} size instead, or a georeferenced GeoTIFF.");
            inside = PolygonMask.Rasterize(aoi, image.Grid, allTouched);
        }
        else
        {
            using var mask = GdalRaster.Open(maskPath!);
            if ((mask.Info.Width, mask.Info.Height) != (info.Width, info.Height))
                throw new UsageException($"--mask is {mask.Info.Width}×{mask.Info.Height} but the image is {info.Width}×{info.Height}; they must be the same size.");
            if (georeferenced && !string.IsNullOrEmpty(mask.Info.CrsWkt)) GridCheck.EnsureSameGrid(image.Grid, rgbPath, mask.Grid, maskPath!);
            inside = mask.ReadFloat32().Select(v => v is not 0 && !float.IsNaN(v) ? (byte)1 : (byte)0).ToArray();
        }

        var classes = new byte[n];
        var counts = ColourClassifier.Classify(red, green, blue, valid, inside, settings, classes);

        Directory.CreateDirectory(outDir);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "counts.csv"), ClassCountsCsvWriter.Write(counts), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "active.csv"), ActiveCsv(counts, firstYear), cancellationToken);
        GeoTiffWriter.WriteByte(Path.Combine(outDir, "classes.tif"), [classes], image.Grid, GeoTiffOptions.Default with { ByteNoData = ColourClassifier.Excluded });
        QuickLookPng.WriteAll(outDir, info.Width, info.Height, red, green, blue, classes);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rule {ClassificationRuleNames.Name(settings.Rule)} (value-min {settings.ValueThreshold}, saturation-min {settings.SaturationMin}, channel-threshold {settings.ChannelThreshold}); {counts.Total} classified pixels inside the {(aoi is null ? "mask" : "polygon")}:"));
        foreach (var c in ColourClassExtensions.CsvOrder) output.WriteLine($"  {c.CsvName(),-8} {counts[c],10}");
        for (var y = 0; y < 3; y++) output.WriteLine($"  active in year {YearLabel(y, firstYear)}: {counts.ActivePixels(y)} px");
        if (!georeferenced) output.WriteLine("Note: the image has no CRS, so pixel counts only: an area needs a georeferenced composite (or `mine activity --counts` with a pixel area).");
        return 0;
    }

    private static readonly string[] ChannelNames = ["red", "green", "blue"];

    private static string YearLabel(int index, int? firstYear) =>
        (firstYear is { } f ? f + index : index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Per-year active pixels (METHOD.md §1.5: Y1 = R+Y+M+W, Y2 = G+Y+C+W, Y3 = B+C+M+W).</summary>
    private static string ActiveCsv(ClassCounts counts, int? firstYear)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine("year,channel,active_pixels");
        for (var y = 0; y < 3; y++) writer.WriteLine($"{YearLabel(y, firstYear)},{ChannelNames[y]},{counts.ActivePixels(y).ToString(CultureInfo.InvariantCulture)}");
        return writer.ToString();
    }
}
