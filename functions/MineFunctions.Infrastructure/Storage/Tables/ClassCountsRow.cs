using Azure.Data.Tables;
using MineFunctions.Core.Contracts;
using static MineFunctions.Infrastructure.Storage.Tables.TableColumns;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Table ClassCounts: pixel counts of the eight colour classes of one 3-year window (METHOD.md §1.5),
/// with the rule used, the per-pixel area and the blobs of the composite and the class band.
/// Keys: PartitionKey = asset id, RowKey = "&lt;settingsKey&gt;_&lt;y1&gt;-&lt;y3&gt;".
/// </summary>
public sealed record ClassCountsRow(
    string AssetId,
    string SettingsKey,
    int FirstYear,
    int LastYear,
    string Rule,
    ClassCounts Counts,
    double? PixelAreaM2,
    string? CompositeBlob,
    string? ClassesBlob) : ITableRow<ClassCountsRow>
{
    public static string TableName => TableNames.ClassCounts;

    public string PartitionKey => AssetIds.Check(AssetId);

    public string RowKey => StorageLayout.RowKey(SettingsKey, StorageLayout.WindowId(FirstYear, LastYear));

    public IReadOnlyDictionary<string, object?> ToColumns()
    {
        var columns = new Dictionary<string, object?>
        {
            [nameof(SettingsKey)] = SettingsKey,
            [nameof(FirstYear)] = FirstYear,
            [nameof(LastYear)] = LastYear,
            [nameof(Rule)] = Rule,
            [nameof(PixelAreaM2)] = Finite(PixelAreaM2),
            [nameof(CompositeBlob)] = CompositeBlob,
            [nameof(ClassesBlob)] = ClassesBlob,
        };
        foreach (var colour in Enum.GetValues<ColourClass>()) columns[colour.ToString()] = Counts[colour];
        return columns;
    }

    public static ClassCountsRow FromEntity(TableEntity e)
    {
        var counts = new long[8];
        foreach (var colour in Enum.GetValues<ColourClass>()) counts[(int)colour] = Long(e, colour.ToString());
        return new ClassCountsRow(
            e.PartitionKey,
            String(e, nameof(SettingsKey)),
            Int(e, nameof(FirstYear)),
            Int(e, nameof(LastYear)),
            String(e, nameof(Rule)),
            ClassCounts.FromArray(counts),
            OptionalDouble(e, nameof(PixelAreaM2)),
            OptionalString(e, nameof(CompositeBlob)),
            OptionalString(e, nameof(ClassesBlob)));
    }
}
