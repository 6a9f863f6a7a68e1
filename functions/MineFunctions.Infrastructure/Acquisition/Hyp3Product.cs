using System.IO.Compression;
using MineFunctions.Core.Acquisition;

namespace MineFunctions.Infrastructure.Acquisition;

/// <summary>What this service takes from a HyP3 product zip: the coherence raster and the Bperp of its parameter file.</summary>
public sealed record Hyp3ProductContents(string CorrEntry, double? PerpendicularBaselineM);

/// <summary>
/// Reads a downloaded HyP3 InSAR product zip: the <c>*_corr.tif</c> (normalised coherence,
/// Float32 0–1) and the "Baseline" of the <c>&lt;product&gt;.txt</c> parameter file (the product
/// guides' Tables 2–4).
/// </summary>
public static class Hyp3Product
{
    public static Hyp3ProductContents Inspect(ZipArchive zip)
    {
        var corr = zip.Entries.Where(e => e.Name.EndsWith("_corr.tif", StringComparison.OrdinalIgnoreCase)).ToList();
        if (corr.Count != 1) throw new InvalidDataException($"The product zip holds {corr.Count} *_corr.tif files; expected exactly one.");
        var baseName = corr[0].Name[..^"_corr.tif".Length];
        var parameters = zip.Entries.FirstOrDefault(e => e.Name.Equals(baseName + ".txt", StringComparison.OrdinalIgnoreCase));
        double? bperp = null;
        if (parameters is not null)
        {
            using var reader = new StreamReader(parameters.Open());
            bperp = Hyp3ParameterFile.PerpendicularBaselineM(reader.ReadToEnd());
        }
        return new Hyp3ProductContents(corr[0].FullName, bperp);
    }
}
