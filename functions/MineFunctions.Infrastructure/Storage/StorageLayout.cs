using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Every name the project gives to something in storage, in one place: the input container
/// (<see cref="StorageLayout"/>.Inputs.cs, default "mine-input"), the products container
/// (.Products.cs, default "mine-products") and the row keys of the result tables; what an input
/// name means (.Inspect.cs). docs/ARCHITECTURE.md ("Storage layout") draws the whole tree.
/// <para>
/// Names are deterministic (ARCHITECTURE.md convention 4): the same asset, settings and dates always
/// give the same name, so a rerun finds its products and overwrites nothing new, and products
/// written before a change of code are still found. A new settings key (new algorithm version or any
/// result-shaping setting) gives a new folder, so changed settings never overwrite old products.
/// Dates are yyyymmdd; every segment is checked (<see cref="BlobPath"/>, <see cref="AssetIds"/>).
/// </para>
/// </summary>
public static partial class StorageLayout
{
    /// <summary>
    /// The settings key, "&lt;algorithmVersion&gt;-&lt;first 16 hex of SHA-256(canonicalSettings)&gt;", e.g.
    /// "v1-3fa2c4d5e6f70812": the folder of one (algorithm version, settings) combination in the
    /// products container and the row-key prefix in the tables. The caller passes a canonical text of
    /// the settings (Workflow's SettingsFingerprint: System.Text.Json of the settings record, whose
    /// property order is fixed by the type), so the same settings give the same key on every machine.
    /// </summary>
    public static string SettingsKey(string algorithmVersion, string canonicalSettings)
    {
        BlobPath.Segment(algorithmVersion, "algorithm version");
        ArgumentNullException.ThrowIfNull(canonicalSettings);
        return CheckSettingsKey($"{algorithmVersion}-{ShortHash(canonicalSettings)}");
    }

    /// <summary>Checks a settings key received from outside (an activity input, a query) and returns it unchanged.</summary>
    public static string CheckSettingsKey(string? key)
    {
        BlobPath.Segment(key, "settings key");
        if (key!.Contains('_')) throw new StorageNameException("settings key", key, "it contains '_' (the row-key separator)");
        return key;
    }

    /// <summary>First 16 hex digits of SHA-256 of the UTF-8 text: short, stable across processes and platforms.</summary>
    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>"&lt;ref&gt;_&lt;sec&gt;" with dates as yyyymmdd: the id of a pair in names and row keys.</summary>
    public static string PairId(DateOnly reference, DateOnly secondary)
    {
        if (secondary <= reference)
            throw new ArgumentException($"Pair {reference:yyyy-MM-dd}/{secondary:yyyy-MM-dd}: the secondary date must follow the reference date.");
        return string.Create(CultureInfo.InvariantCulture, $"{reference:yyyyMMdd}_{secondary:yyyyMMdd}");
    }

    /// <summary>The dates of a <see cref="PairId"/>; a text of another form is an <see cref="InvalidDataException"/>.</summary>
    public static (DateOnly Reference, DateOnly Secondary) ParsePairId(string pairId)
    {
        var parts = pairId.Split('_');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reference)
            && DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var secondary))
            return (reference, secondary);
        throw new InvalidDataException($"'{pairId}' is not a pair id (yyyyMMdd_yyyyMMdd).");
    }

    /// <summary>"&lt;y1&gt;-&lt;y3&gt;": the id of a 3-year window.</summary>
    public static string WindowId(int firstYear, int lastYear)
    {
        CheckYear(firstYear);
        CheckYear(lastYear);
        if (lastYear < firstYear) throw new ArgumentException($"Window {firstYear}-{lastYear}: the last year precedes the first.");
        return string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}");
    }

    /// <summary>
    /// A result row's key, "&lt;settingsKey&gt;_&lt;id&gt;" (id: a year, <see cref="WindowId"/> or
    /// <see cref="PairId"/>), so one asset's partition holds the rows of every settings key apart.
    /// </summary>
    public static string RowKey(string settingsKey, string id) => RowKeyPrefix(settingsKey) + id;

    /// <summary>"&lt;settingsKey&gt;_": the row-key prefix of one settings key's rows.</summary>
    public static string RowKeyPrefix(string settingsKey) => CheckSettingsKey(settingsKey) + "_";

    private static void CheckYear(int year)
    {
        if (year is < 1900 or > 2999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year outside 1900–2999.");
    }
}
