using System.Globalization;

namespace MineFunctions.Core.Inputs;

/// <summary>
/// Every bound on what a user hands in, in one place (docs/INPUTS.md, "Limits"). Each is far above
/// what a real mine needs and far below what would let one input fill memory, disk or a report: a
/// 20 MB asset name once produced 380 MB of output. An input over a bound is refused with a message
/// naming the file, the line where there is one, and the bound.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// Largest text input (CSV, pair catalogue, GeoJSON pair stack, HyP3 parameter file), in bytes. A
    /// scene stack of ten years of 6-day revisits is about 600 rows of a few hundred bytes.
    /// </summary>
    public const long MaxTextFileBytes = 16L * 1024 * 1024;

    /// <summary>Largest <c>asset.json</c>, in bytes: five short fields.</summary>
    public const long MaxManifestBytes = 64 * 1024;

    /// <summary>Largest polygon file (GeoJSON, shapefile or its zip), in bytes.</summary>
    public const long MaxPolygonFileBytes = 64L * 1024 * 1024;

    /// <summary>Most vertices of a mine polygon, summed over its rings and features (a detailed pit outline has a few thousand).</summary>
    public const int MaxPolygonVertices = 100_000;

    /// <summary>Most records in one CSV file, its header included.</summary>
    public const int MaxCsvRecords = 1_000_000;

    /// <summary>Most fields in one CSV record (the widest accepted form, an asf_search stack, has about 40).</summary>
    public const int MaxCsvFields = 256;

    /// <summary>Longest CSV field, in characters (an ASF product URL is about 150).</summary>
    public const int MaxCsvFieldChars = 4096;

    /// <summary>Longest asset name (asset.json <c>name</c>, assets.csv <c>name</c>): it becomes Climate TRACE's <c>source_name</c>.</summary>
    public const int MaxNameChars = 200;

    /// <summary>Most selected pairs of one asset, and most pair or SLC files in one asset folder.</summary>
    public const int MaxPairsPerAsset = 10_000;

    /// <summary>Throws <see cref="InvalidDataException"/> when <paramref name="asset"/> has more than <see cref="MaxPairsPerAsset"/> pairs (or pair files).</summary>
    public static void CheckPairs(string asset, int pairs, string what = "pairs")
    {
        if (pairs > MaxPairsPerAsset)
            throw new InvalidDataException($"Asset '{asset}': {pairs} {what}, more than the limit of {MaxPairsPerAsset} per asset.");
    }

    /// <summary>A human form of a byte count for limit messages: "16 MiB", "64 KiB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    /// <summary>Throws <see cref="InvalidDataException"/> naming <paramref name="file"/> when <paramref name="length"/> passes <paramref name="max"/>.</summary>
    public static void CheckSize(string file, long length, long max)
    {
        if (length > max)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{file}: {length:N0} bytes, more than the limit of {Bytes(max)} ({max:N0} bytes) for this input."));
    }
}
