using System.Globalization;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>`mine info FILE`: what the raster reader sees (size, type, CRS, geotransform, nodata, pair dates, tags).</summary>
internal sealed class InfoCommand : ICliCommand
{
    public string Name => "info";
    public string Summary => "Print what the raster reader sees in a file: size, type, CRS, nodata, pair dates, tags.";
    public string Usage => "mine info FILE   (a raster, a SNAP BEAM-DIMAP .dim, or a band's .img in its .data/ folder)";

    public Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        args.RejectUnknown();
        if (args.Positionals.Count != 1) throw new UsageException("Give exactly one raster file.");
        var path = args.Positionals[0];
        Core.Pairs.DimapHeader? product = null;
        Core.Pairs.DimapBand? band = null;
        GdalRaster opened;
        if (path.EndsWith(Dimap.HeaderExtension, StringComparison.Ordinal) || Dimap.IsBandImage(Path.GetFullPath(path).Replace('\\', '/')))
            (opened, product, band) = DimapRaster.OpenFile(path);
        else
            opened = GdalRaster.Open(path);
        using var raster = opened;
        var info = raster.Info;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"File:         {path}");
        output.WriteLine($"Driver:       {info.Driver}");
        output.WriteLine($"Size:         {info.Width} × {info.Height} px, {info.BandCount} band(s), {info.DataType}");
        output.WriteLine($"Block:        {info.BlockWidth} × {info.BlockHeight}");
        output.WriteLine($"CRS:          {(info.Epsg is { } e ? $"EPSG:{e}" : string.IsNullOrEmpty(info.CrsWkt) ? "(none)" : "(no EPSG code) " + FirstLine(info.CrsWkt))}");
        output.WriteLine($"GeoTransform: [{string.Join(", ", info.GeoTransform.Select(v => v.ToString("R", inv)))}]");
        output.WriteLine($"NoData:       {(info.NoData is { } nd ? nd.ToString("R", inv) : "(none)")}");
        if (!string.IsNullOrEmpty(info.CrsWkt))
        {
            try
            {
                var areas = PixelArea.ForGrid(info.Grid);
                var rows = areas.SquareMetresPerRow;
                output.WriteLine(areas.Method == PixelAreaMethod.ProjectedGeotransform
                    ? $"Pixel area:   {rows[0].ToString("0.###", inv)} m² (projected geotransform)"
                    : $"Pixel area:   {rows[0].ToString("0.###", inv)} m² (top row) … {rows[^1].ToString("0.###", inv)} m² (bottom row), geodesic");
            }
            catch (NotSupportedException ex)
            {
                output.WriteLine($"Pixel area:   unavailable ({ex.Message})");
            }
        }
        if (string.IsNullOrEmpty(info.CrsWkt)) output.WriteLine("Georeferencing: " + RadarGeometry.Note);
        if (info.DataType.IsComplex())
        {
            var date = Core.Pairs.NameDates.Single(Path.GetFileName(path), out _);
            output.WriteLine($"Complex:      an SLC acquisition{(date is { } d ? $" of {d:yyyy-MM-dd} (from the file name)" : "")}; pair it with another, coregistered to the same grid, in `mine coherence`");
        }
        if (product is not null)
        {
            output.WriteLine($"SNAP product: {product.ProductName} (BEAM-DIMAP), band {band!.Name}; nodata and georeferencing from the .dim");
            var pair = product.PairDates(band, out var problem);
            var meta = pair is { } p ? product.ProductInfo(p, product.ProductName + Dimap.HeaderExtension) : null;
            output.WriteLine(pair is { } d
                ? string.Create(inv, $"Pair dates:   {d.Reference:yyyy-MM-dd} → {d.Secondary:yyyy-MM-dd} ({d.Secondary.DayNumber - d.Reference.DayNumber} days, from the band name or the .dim); Bperp {(meta!.BaselineM is { } b ? b.ToString("0.###", inv) + " m" : "unknown")}; looks {meta.Looks ?? "unknown"}")
                : $"Pair dates:   (none: {problem})");
            output.WriteLine("Tags:");
            foreach (var (k, v) in info.Metadata) output.WriteLine($"  {k}={v}");
            return Task.FromResult(0);
        }
        var fromName = PairDateParser.FromFileName(path);
        var fromTags = PairDateParser.FromTags(info.Metadata);
        var dates = fromName ?? fromTags;
        output.WriteLine(dates is null
            ? "Pair dates:   (none: no YYYYMMDD_YYYYMMDD in the name, no FIRST_DATE/SECOND_DATE tags)"
            : $"Pair dates:   {dates.Reference:yyyy-MM-dd} → {dates.Secondary:yyyy-MM-dd} ({dates.TemporalBaselineDays} days, from {(dates.Source == PairDateSource.FileName ? "the file name" : "tags")})" +
              (fromName is not null && fromTags is not null && (fromName.Reference != fromTags.Reference || fromName.Secondary != fromTags.Secondary)
                  ? $"; WARNING: tags say {fromTags.Reference:yyyy-MM-dd} → {fromTags.Secondary:yyyy-MM-dd}"
                  : ""));
        output.WriteLine("Tags:");
        foreach (var (k, v) in info.Metadata) output.WriteLine($"  {k}={v}");
        return Task.FromResult(0);
    }

    private static string FirstLine(string wkt) => wkt.Length > 80 ? wkt[..80] + "…" : wkt;
}
