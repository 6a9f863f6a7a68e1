using System.IO.Compression;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// A HyP3 InSAR product zip as HyP3 delivers it: <c>&lt;product&gt;.zip</c> holding the folder
/// <c>&lt;product&gt;/</c> with <c>&lt;product&gt;_corr.tif</c>, the parameter file <c>&lt;product&gt;.txt</c>
/// and the other rasters. Only the zip's central directory and the small parameter file are read
/// here (the stream may be a ranged blob read); the coherence raster is read in place by GDAL
/// through <c>/vsizip/</c> (<see cref="GdalRaster.OpenZipEntry"/>), never extracted to disk.
/// </summary>
public static class Hyp3Zip
{
    /// <summary>The coherence entry's path inside the zip and the product's metadata.</summary>
    public sealed record Contents(string CoherenceEntry, Hyp3ProductInfo Info);

    /// <summary>Reads the zip's directory; throws <see cref="InvalidDataException"/> unless it holds exactly one <c>*_corr.tif</c>.</summary>
    public static Contents Inspect(Stream zip, string zipName)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var corr = archive.Entries.Where(e => e.FullName.EndsWith("_corr.tif", StringComparison.Ordinal)).ToList();
        if (corr.Count != 1)
            throw new InvalidDataException($"'{zipName}' holds {corr.Count} *_corr.tif files; a HyP3 InSAR product zip holds exactly one.");
        var product = Path.GetFileName(corr[0].FullName)[..^"_corr.tif".Length];
        var parameters = archive.Entries.FirstOrDefault(e => Path.GetFileName(e.FullName) == product + ".txt");
        string? text = null;
        if (parameters is { Length: < 1 << 20 })
        {
            using var reader = new StreamReader(parameters.Open());
            text = reader.ReadToEnd();
        }
        return new Contents(corr[0].FullName, Hyp3ProductInfo.Parse(product, text));
    }

    /// <summary>True for a blob or file name GDAL should read as a product zip.</summary>
    public static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
