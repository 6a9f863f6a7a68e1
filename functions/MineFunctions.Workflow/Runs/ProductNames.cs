using System.Diagnostics.CodeAnalysis;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Runs;

/// <summary>
/// The fixed catalogue of product names the download routes accept, and where each one lies in the
/// products container. Per asset (the file names `mine run` writes, PNGs without their folder):
/// <code>
/// composite_Y1-Y3.png                           quick-look           png/…
/// class-COLOUR_Y1-Y3.png                        quick-looks          drawn from classes/Y1-Y3.tif (<see cref="ClassQuickLooks"/>)
/// composite_Y1-Y3.tif, classes_Y1-Y3.tif        Cloud-Optimised GeoTIFFs composite/Y1-Y3.tif, classes/Y1-Y3.tif
/// counts_Y1-Y3.csv                              class pixel counts   counts/Y1-Y3.csv
/// activity.csv, inputs.csv                      production table, input report
/// pairs.csv                                     pair report, made from the PairResults rows
/// </code>
/// Per settings key: the Climate TRACE CSVs of each sector and estimate.json. A name is either
/// exactly one of these forms (COLOUR one of the eight classes, Y1-Y3 two four-digit years) or
/// rejected: no free text ever reaches a blob name, so nothing can traverse.
/// </summary>
public static class ProductNames
{
    /// <summary>The pair report, written from the table rather than read from a blob.</summary>
    public const string PairReport = "pairs.csv";

    private const string Png = StorageLayout.PngFolder + "/";

    private static readonly (string Prefix, string Folder, string Extension, string ContentType)[] Windowed =
    [
        ("composite_", StorageLayout.CompositeFolder, ".tif", "image/tiff"),
        ("classes_", StorageLayout.ClassesFolder, ".tif", "image/tiff"),
        ("counts_", StorageLayout.CountsFolder, ".csv", "text/csv"),
    ];

    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["activity.csv"] = StorageLayout.ActivityPath,
        ["inputs.csv"] = StorageLayout.InputReportPath,
    };

    private static readonly HashSet<string> Exports =
    [
        .. Enum.GetValues<Commodity>().SelectMany(c => new[] { ClimateTraceFormat.SourcesFileName(c), ClimateTraceFormat.ConfidenceFileName(c) }),
        "estimate.json",
        // The assets the export left out, with reasons: listed and served beside the files it qualifies.
        LeftOutCsv.FileName,
    ];

    /// <summary>The accepted forms, for error messages.</summary>
    public const string Forms =
        "composite_Y1-Y3.png, class-COLOUR_Y1-Y3.png, composite_Y1-Y3.tif, classes_Y1-Y3.tif, counts_Y1-Y3.csv, activity.csv, inputs.csv or pairs.csv";

    /// <summary>
    /// The blob path under the asset's products prefix (e.g. "composite/2020-2022.tif") and media
    /// type of an asset product name; <see cref="PairReport"/> maps to an empty path (it has no blob),
    /// and a class quick-look to the class raster it is drawn from.
    /// </summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out string? relativePath, [NotNullWhen(true)] out string? contentType, [NotNullWhen(false)] out string? reason)
    {
        (relativePath, contentType, reason) = (null, null, null);
        if (name == PairReport)
        {
            (relativePath, contentType) = ("", "text/csv");
            return true;
        }
        if (name is not null && Fixed.TryGetValue(name, out var path))
        {
            (relativePath, contentType) = (path, "text/csv");
            return true;
        }
        if (name is not null && name.EndsWith(".png", StringComparison.Ordinal) && IsCompositeQuickLook(name[..^4]))
        {
            (relativePath, contentType) = (Png + name, "image/png");
            return true;
        }
        if (ClassQuickLooks.TryParse(name, out _, out var window))
        {
            (relativePath, contentType) = ($"{StorageLayout.ClassesFolder}/{window}.tif", "image/png");
            return true;
        }
        foreach (var (prefix, folder, extension, type) in Windowed)
        {
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(extension, StringComparison.Ordinal)
                && IsWindow(name[prefix.Length..^extension.Length]))
            {
                (relativePath, contentType) = ($"{folder}/{name[prefix.Length..^extension.Length]}{extension}", type);
                return true;
            }
        }
        reason = $"unknown product '{Shorten(name)}'; one of {Forms} (COLOUR: {string.Join(", ", ColourClassExtensions.CsvOrder.Select(c => c.CsvName()))})";
        return false;
    }

    /// <summary>The product name of a blob path under an asset's products prefix, or null when it is not a downloadable product.</summary>
    public static string? NameOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        foreach (var (name, path) in Fixed)
            if (path == relativePath) return name;
        if (relativePath.StartsWith(Png, StringComparison.Ordinal) && relativePath.EndsWith(".png", StringComparison.Ordinal)
            && IsCompositeQuickLook(relativePath[Png.Length..^4]))
            return relativePath[Png.Length..];
        foreach (var (prefix, folder, extension, _) in Windowed)
        {
            if (relativePath.StartsWith(folder + "/", StringComparison.Ordinal) && relativePath.EndsWith(extension, StringComparison.Ordinal)
                && IsWindow(relativePath[(folder.Length + 1)..^extension.Length]))
                return prefix + relativePath[(folder.Length + 1)..];
        }
        return null;
    }

    /// <summary>Every run-level export file name, in order.</summary>
    public static IReadOnlyList<string> ExportNames { get; } = [.. Exports.Order(StringComparer.Ordinal)];

    /// <summary>True for a run-level export file name (a sector's Climate TRACE CSVs, estimate.json, left-out.csv).</summary>
    public static bool IsExport(string? name) => name is not null && Exports.Contains(name);

    /// <summary>Media type of an export file.</summary>
    public static string ExportContentType(string name) => name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv";

    /// <summary>"composite_Y1-Y3". (Class quick-looks are drawn on request, not stored: a class-… blob is not a product.)</summary>
    private static bool IsCompositeQuickLook(string stem) =>
        stem.StartsWith("composite_", StringComparison.Ordinal) && IsWindow(stem["composite_".Length..]);

    /// <summary>"Y1-Y3": two four-digit years, the last not before the first, as <see cref="StorageLayout.WindowId"/> writes them.</summary>
    public static bool IsWindow(string text)
    {
        if (text.Length != 9 || text[4] != '-') return false;
        for (var i = 0; i < 9; i++)
            if (i != 4 && text[i] is < '0' or > '9') return false;
        var (first, last) = (int.Parse(text.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(5, 4), provider: System.Globalization.CultureInfo.InvariantCulture));
        return first is >= 1900 and <= 2999 && last is >= 1900 and <= 2999 && last >= first;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
