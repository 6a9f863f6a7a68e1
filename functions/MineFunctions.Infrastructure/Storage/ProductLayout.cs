using System.Globalization;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Deterministic names in the product container (default "mine-products"), all under
/// "&lt;asset&gt;/&lt;settingsKey&gt;/" (see <see cref="SettingsKey"/>):
/// <code>
/// coherence/&lt;ref&gt;_&lt;sec&gt;.tif        coherence of a pair (when the input is SLC)
/// ndai/&lt;ref&gt;_&lt;sec&gt;.tif             NDAI of a pair
/// annual/&lt;year&gt;.tif                 annual mean NDAI
/// composite/&lt;y1&gt;-&lt;y3&gt;.tif          3-year RGB composite
/// classes/&lt;y1&gt;-&lt;y3&gt;.tif            colour-class band
/// png/&lt;name&gt;.png                   quick-looks (e.g. composite_2020-2022.png)
/// export/activity.csv                the asset's area → production table
/// </code>
/// Dates are yyyymmdd. The same inputs always give the same name, so a rerun finds its products.
/// </summary>
public static class ProductLayout
{
    /// <summary>"&lt;asset&gt;/&lt;settingsKey&gt;/": every product of one asset under one settings key.</summary>
    public static string Prefix(string assetId, string settingsKey) =>
        BlobPath.Combine(AssetIds.Check(assetId), SettingsKey.Validate(settingsKey)) + "/";

    /// <summary>"&lt;ref&gt;_&lt;sec&gt;" with dates as yyyymmdd: the id of a pair in names and row keys.</summary>
    public static string PairId(DateOnly reference, DateOnly secondary)
    {
        if (secondary <= reference)
            throw new ArgumentException($"Pair {reference:yyyy-MM-dd}/{secondary:yyyy-MM-dd}: the secondary date must follow the reference date.");
        return string.Create(CultureInfo.InvariantCulture, $"{reference:yyyyMMdd}_{secondary:yyyyMMdd}");
    }

    /// <summary>"&lt;y1&gt;-&lt;y3&gt;": the id of a 3-year window.</summary>
    public static string WindowId(int firstYear, int lastYear)
    {
        CheckYear(firstYear);
        CheckYear(lastYear);
        if (lastYear < firstYear) throw new ArgumentException($"Window {firstYear}-{lastYear}: the last year precedes the first.");
        return string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}");
    }

    public static string Coherence(string assetId, string settingsKey, DateOnly reference, DateOnly secondary) =>
        Product(assetId, settingsKey, "coherence", PairId(reference, secondary) + ".tif");

    public static string Ndai(string assetId, string settingsKey, DateOnly reference, DateOnly secondary) =>
        Product(assetId, settingsKey, "ndai", PairId(reference, secondary) + ".tif");

    public static string Annual(string assetId, string settingsKey, int year)
    {
        CheckYear(year);
        return Product(assetId, settingsKey, "annual", year.ToString(CultureInfo.InvariantCulture) + ".tif");
    }

    public static string Composite(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Product(assetId, settingsKey, "composite", WindowId(firstYear, lastYear) + ".tif");

    public static string Classes(string assetId, string settingsKey, int firstYear, int lastYear) =>
        Product(assetId, settingsKey, "classes", WindowId(firstYear, lastYear) + ".tif");

    /// <summary>A PNG quick-look; <paramref name="name"/> without extension, e.g. "composite_2020-2022".</summary>
    public static string Png(string assetId, string settingsKey, string name) =>
        Product(assetId, settingsKey, "png", BlobPath.Segment(name, "PNG name") + ".png");

    private static string Product(string assetId, string settingsKey, string folder, string file) =>
        BlobPath.Combine(AssetIds.Check(assetId), SettingsKey.Validate(settingsKey), folder, file);

    private static void CheckYear(int year)
    {
        if (year is < 1900 or > 2999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year outside 1900–2999.");
    }
}
