namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Names of a SNAP BEAM-DIMAP product under <c>pairs/</c> (docs/INPUTS.md): the header
/// <c>&lt;product&gt;.dim</c> and its folder <c>&lt;product&gt;.data/</c> holding one ENVI
/// <c>&lt;band&gt;.img</c> + <c>&lt;band&gt;.hdr</c> per band. A coherence band's <c>.img</c> is the
/// pair's raster (its name carries SNAP's ddMMMyyyy dates); its <c>.hdr</c> and the <c>.dim</c> are read
/// with it. Other bands (intensities, phase, i/q), tie-point grids and vector data are skipped.
/// </summary>
public static class Dimap
{
    public const string HeaderExtension = ".dim";
    public const string DataFolderSuffix = ".data";

    /// <summary>What a name under pairs/ is as part of a DIMAP product; null when it is not one.</summary>
    internal static (InputBlobKind? Kind, string? SkipReason)? Kind(string[] parts, string file)
    {
        if (parts.Length == 3 && file.EndsWith(HeaderExtension, StringComparison.Ordinal)) return (InputBlobKind.PairHeader, null);
        if (parts.Length < 4 || !parts[2].EndsWith(DataFolderSuffix, StringComparison.Ordinal) || parts[2].Length == DataFolderSuffix.Length) return null;
        if (parts.Length > 4) return (null, "inside a SNAP product's .data folder but not a band (tie-point grids and vector data are not read)");
        var extension = Path.GetExtension(file);
        if (extension is not (".img" or ".hdr")) return (null, "not an ENVI band (.img/.hdr) of a SNAP product");
        if (!Core.Pairs.DimapHeader.IsCoherenceBand(Path.GetFileNameWithoutExtension(file))) return (null, "a band of a SNAP product that is not coherence (coh_*); only coherence bands are read");
        return (extension == ".img" ? InputBlobKind.PairRaster : InputBlobKind.PairSidecar, null);
    }

    /// <summary>True for the name of a band's ENVI image inside a product's .data folder.</summary>
    public static bool IsBandImage(string name)
    {
        var parts = name.Split('/');
        return parts.Length >= 2 && parts[^2].EndsWith(DataFolderSuffix, StringComparison.Ordinal) && parts[^1].EndsWith(".img", StringComparison.Ordinal);
    }

    /// <summary>For "…/X.data/band.img": the band's ENVI header "…/X.data/band.hdr" and the product header "…/X.dim".</summary>
    public static (string EnviHeader, string ProductHeader, string BandName) CompanionsOf(string bandImage)
    {
        if (!IsBandImage(bandImage)) throw new ArgumentException($"'{bandImage}' is not a band image in a SNAP .data folder.", nameof(bandImage));
        var slash = bandImage.LastIndexOf('/');
        var folder = bandImage[..slash];
        var band = bandImage[(slash + 1)..^".img".Length];
        return ($"{folder}/{band}.hdr", folder[..^DataFolderSuffix.Length] + HeaderExtension, band);
    }
}
