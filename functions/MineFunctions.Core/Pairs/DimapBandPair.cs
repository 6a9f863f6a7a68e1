namespace MineFunctions.Core.Pairs;

/// <summary>
/// Whether a coherence band of a SNAP BEAM-DIMAP product under pairs/ is a pair, and which (docs/INPUTS.md):
/// it needs its ENVI .hdr and the product's .dim beside it, the .dim readable and listing the band, and the
/// band's dates (from its name, else the .dim's metadata). The first step that fails is the reason the band is left out.
/// </summary>
public static class DimapBandPair
{
    /// <summary>Why the band cannot be read for want of a companion file; null when both are listed (its .dim is then read).</summary>
    public static string? MissingCompanion(string dimFile, string bandName, bool dimListed, bool enviHeaderListed) =>
        !dimListed ? $"no {dimFile} beside its .data folder (a SNAP BEAM-DIMAP product is the .dim and its .data/)"
        : !enviHeaderListed ? $"no {bandName}.hdr beside it (ENVI header)"
        : null;

    /// <summary>
    /// The band's pair dates and its product's metadata, from <paramref name="header"/> (null: the .dim did not parse);
    /// null with the reason in <paramref name="problem"/> when the band is no pair.
    /// </summary>
    public static ((DateOnly Reference, DateOnly Secondary) Dates, Hyp3ProductInfo Product)? Of(DimapHeader? header, string dimFile, string bandName, out string? problem)
    {
        problem = null;
        if (header is null) problem = $"{dimFile} is not a readable BEAM-DIMAP header";
        else if (header.Band(bandName) is not { } band) problem = $"{dimFile} lists no band '{bandName}'";
        else if (header.PairDates(band, out problem) is { } dates) return (dates, header.ProductInfo(dates, dimFile));
        return null;
    }
}
