using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Runs;

/// <summary>
/// The class quick-looks, class-COLOUR_Y1-Y3.png, are not stored: each is drawn when asked for from
/// the window's class raster (classes/Y1-Y3.tif, lossless), which holds every value it shows, so the
/// image is the one <see cref="QuickLookPng.Class"/> made from the classification itself. Storing
/// them cost eight product writes a window, for images few are ever asked for (docs/BENCHMARKS.md).
/// </summary>
public static class ClassQuickLooks
{
    private const string Prefix = "class-", Extension = ".png";

    /// <summary>The eight quick-look names of a window ("Y1-Y3"), in <see cref="ColourClassExtensions.CsvOrder"/>.</summary>
    public static IEnumerable<string> NamesOf(string window) => ColourClassExtensions.CsvOrder.Select(c => Name(c, window));

    /// <summary>"class-COLOUR_Y1-Y3.png".</summary>
    public static string Name(ColourClass colour, string window) => $"{Prefix}{colour.CsvName()}_{window}{Extension}";

    /// <summary>The class and window of a quick-look name; false for any other name.</summary>
    public static bool TryParse(string? name, out ColourClass colour, out string window)
    {
        (colour, window) = (default, "");
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal)) return false;
        var stem = name[Prefix.Length..^Extension.Length];
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !ProductNames.IsWindow(stem[(underscore + 1)..])) return false;
        foreach (var c in ColourClassExtensions.CsvOrder.Where(c => c.CsvName() == stem[..underscore]))
        {
            (colour, window) = (c, stem[(underscore + 1)..]);
            return true;
        }
        return false;
    }

    /// <summary>The classes of a class raster's bytes (255 = excluded, <see cref="ColourClassifier.Excluded"/>), with its size.</summary>
    public static (byte[] Classes, int Width, int Height) Decode(byte[] classRaster, string name, RasterReadOptions options)
    {
        using var raster = GdalRaster.OpenBytes(classRaster, name, options);
        var pixels = raster.ReadFloat32();
        // The raster's nodata is the excluded value, which the reader turns into NaN.
        var classes = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++) classes[i] = float.IsNaN(pixels[i]) ? ColourClassifier.Excluded : (byte)pixels[i];
        return (classes, raster.Info.Width, raster.Info.Height);
    }

    /// <summary>One class's quick-look from the asset's class raster blob, or null when that blob does not exist.</summary>
    public static async Task<byte[]?> RenderAsync(ProductBlobStore products, string classesBlob, ColourClass colour, RasterReadOptions options, CancellationToken cancellationToken)
    {
        if (await products.GetAsync(classesBlob, cancellationToken) is null) return null;
        var (classes, width, height) = Decode(await products.DownloadBytesAsync(classesBlob, cancellationToken), Path.GetFileName(classesBlob), options);
        return QuickLookPng.Class(width, height, classes, colour);
    }
}
