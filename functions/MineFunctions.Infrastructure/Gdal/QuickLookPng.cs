using MineFunctions.Infrastructure.Files;
using System.Text;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// PNG quick-looks of the 3-year RGB composite and of each colour class (like the seed's Figure 3:
/// one image per class), transparent (alpha 0) outside the mine polygon. Inputs are Core arrays:
/// R, G, B bytes and the class raster (values <see cref="ColourClass"/> 0–7, 255 = excluded: outside
/// the polygon or without data). Rendered through a GDAL MEM dataset copied by the PNG driver.
/// </summary>
public static class QuickLookPng
{
    /// <summary>Class value meaning "not counted" (outside the polygon or nodata).</summary>
    public const byte Excluded = 255;

    /// <summary>Grey shown inside the polygon where a class image's class is absent.</summary>
    public const byte BackgroundGrey = 128;

    private const int GciRed = 3, GciGreen = 4, GciBlue = 5, GciAlpha = 6;

    /// <summary>The display colour of a class: its bits are the R (year 1), G (year 2), B (year 3) channels at 255.</summary>
    public static (byte R, byte G, byte B) Colour(ColourClass colour) =>
        ((byte)(((int)colour & 1) != 0 ? 255 : 0), (byte)(((int)colour & 2) != 0 ? 255 : 0), (byte)(((int)colour & 4) != 0 ? 255 : 0));

    /// <summary>RGB composite as an RGBA PNG; excluded pixels are transparent.</summary>
    public static byte[] Composite(int width, int height, ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue, ReadOnlySpan<byte> classes)
    {
        var n = Check(width, height, classes);
        if (red.Length != n || green.Length != n || blue.Length != n) throw new ArgumentException($"R, G and B need {n} pixels each.");
        var alpha = new byte[n];
        for (var i = 0; i < n; i++) alpha[i] = classes[i] == Excluded ? (byte)0 : (byte)255;
        return Render(width, height, red, green, blue, alpha);
    }

    /// <summary>One class: its pixels in the class colour, other pixels of the polygon grey, outside transparent.</summary>
    public static byte[] Class(int width, int height, ReadOnlySpan<byte> classes, ColourClass colour)
    {
        var n = Check(width, height, classes);
        var (cr, cg, cb) = Colour(colour);
        var r = new byte[n];
        var g = new byte[n];
        var b = new byte[n];
        var a = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var c = classes[i];
            if (c == Excluded) continue; // all zero: transparent
            a[i] = 255;
            if (c == (byte)colour) { r[i] = cr; g[i] = cg; b[i] = cb; }
            else { r[i] = g[i] = b[i] = BackgroundGrey; }
        }
        return Render(width, height, r, g, b, a);
    }

    /// <summary>
    /// Writes composite.png, one class-NAME.png per class, legend.png and LEGEND.md into a directory;
    /// returns the file paths.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(string directory, int width, int height,
        ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue, ReadOnlySpan<byte> classes)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        void Save(string name, byte[] content)
        {
            var path = Path.Combine(directory, name);
            AtomicFile.WriteAllBytes(path, content);
            files.Add(path);
        }
        Save("composite.png", Composite(width, height, red, green, blue, classes));
        foreach (var c in ColourClassExtensions.CsvOrder) Save($"class-{c.CsvName()}.png", Class(width, height, classes, c));
        Save("legend.png", LegendImage());
        var legend = Path.Combine(directory, "LEGEND.md");
        AtomicFile.WriteAllText(legend, LegendMarkdown());
        files.Add(legend);
        return files;
    }

    /// <summary>Eight 24 × 24 swatches in counts-CSV order (red, green, blue, cyan, magenta, yellow, white, black), 4 px apart, on transparency.</summary>
    public static byte[] LegendImage()
    {
        const int size = 24, gap = 4;
        var order = ColourClassExtensions.CsvOrder;
        var width = order.Count * (size + gap) - gap;
        var n = width * size;
        var r = new byte[n];
        var g = new byte[n];
        var b = new byte[n];
        var a = new byte[n];
        for (var k = 0; k < order.Count; k++)
        {
            var (cr, cg, cb) = Colour(order[k]);
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                {
                    var i = y * width + k * (size + gap) + x;
                    (r[i], g[i], b[i], a[i]) = (cr, cg, cb, 255);
                }
        }
        return Render(width, size, r, g, b, a);
    }

    /// <summary>What the colours mean (seed Table 1 with the METHOD.md §2 erratum: R = year 1, G = year 2, B = year 3).</summary>
    public static string LegendMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Quick-look legend");
        sb.AppendLine();
        sb.AppendLine("`composite.png`: annual mean NDAI of three consecutive years as red (year 1), green (year 2) and blue (year 3).");
        sb.AppendLine("`class-NAME.png`: the pixels of one colour class in its colour; other pixels of the mine polygon grey;");
        sb.AppendLine("outside the polygon (or without data) transparent. `legend.png` shows the swatches left to right in the table's order.");
        sb.AppendLine();
        sb.AppendLine("| Class | RGB | Active in |");
        sb.AppendLine("|---|---|---|");
        foreach (var c in ColourClassExtensions.CsvOrder)
        {
            var (r, g, b) = Colour(c);
            var years = string.Join(", ", Enumerable.Range(0, 3).Where(y => c.IsActiveInYear(y)).Select(y => $"year {y + 1}"));
            sb.AppendLine($"| {c.CsvName()} | {r},{g},{b} | {(years.Length == 0 ? "no year (inactive)" : years)} |");
        }
        return sb.ToString();
    }

    private static int Check(int width, int height, ReadOnlySpan<byte> classes)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"Invalid image size {width}×{height}.");
        var n = checked(width * height);
        if (classes.Length != n) throw new ArgumentException($"The class raster needs {n} pixels, got {classes.Length}.");
        foreach (var c in classes)
        {
            if (c > 7 && c != Excluded) throw new ArgumentException($"Class value {c} is neither a colour class (0–7) nor {Excluded} (excluded).");
        }
        return n;
    }

    private static byte[] Render(int width, int height, ReadOnlySpan<byte> r, ReadOnlySpan<byte> g, ReadOnlySpan<byte> b, ReadOnlySpan<byte> a)
    {
        using var mem = GdalDataset.Create("MEM", "", width, height, 4, RasterDataType.Byte);
        var whole = RasterWindow.Whole(width, height);
        mem.Write(1, whole, RasterDataType.Byte, r);
        mem.Write(2, whole, RasterDataType.Byte, g);
        mem.Write(3, whole, RasterDataType.Byte, b);
        mem.Write(4, whole, RasterDataType.Byte, a);
        mem.SetColorInterpretation(1, GciRed);
        mem.SetColorInterpretation(2, GciGreen);
        mem.SetColorInterpretation(3, GciBlue);
        mem.SetColorInterpretation(4, GciAlpha);
        using var file = VsiMemFile.ForWriting(".png");
        mem.CopyTo("PNG", file.Path);
        return file.TakeBytes();
    }
}
