using System.Globalization;
using Azure.Data.Tables;
using static MineFunctions.Infrastructure.Storage.Tables.TableColumns;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Table AnnualActivity: one row per asset-year under one settings key: the pairs that went into
/// the annual mean NDAI (METHOD.md §1.4), its blob, and the active area when a composite window
/// assigned one (METHOD.md §1.5; null until then), with its ± from the classification's uncertain
/// pixels (adaptive rule, METHOD.md §3; null for the fixed rules).
/// Keys: PartitionKey = asset id, RowKey = "&lt;settingsKey&gt;_&lt;year&gt;".
/// </summary>
public sealed record AnnualActivityRow(
    string AssetId,
    string SettingsKey,
    int Year,
    int AcceptedPairs,
    int RejectedPairs,
    double? MeanNdai,
    string? AnnualBlob,
    long? ActivePixels,
    double? PixelAreaM2,
    double? ActiveAreaM2,
    long? UncertainPixels = null,
    double? ActiveAreaUncertaintyM2 = null) : ITableRow<AnnualActivityRow>
{
    public static string TableName => TableNames.AnnualActivity;

    public string PartitionKey => AssetIds.Check(AssetId);

    public string RowKey => StorageLayout.RowKey(SettingsKey, Year.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, object?> ToColumns() => new Dictionary<string, object?>
    {
        [nameof(SettingsKey)] = SettingsKey,
        [nameof(Year)] = Year,
        [nameof(AcceptedPairs)] = AcceptedPairs,
        [nameof(RejectedPairs)] = RejectedPairs,
        [nameof(MeanNdai)] = Finite(MeanNdai),
        [nameof(AnnualBlob)] = AnnualBlob,
        [nameof(ActivePixels)] = ActivePixels,
        [nameof(PixelAreaM2)] = Finite(PixelAreaM2),
        [nameof(ActiveAreaM2)] = Finite(ActiveAreaM2),
        [nameof(UncertainPixels)] = UncertainPixels,
        [nameof(ActiveAreaUncertaintyM2)] = Finite(ActiveAreaUncertaintyM2),
    };

    public static AnnualActivityRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        String(e, nameof(SettingsKey)),
        Int(e, nameof(Year)),
        Int(e, nameof(AcceptedPairs)),
        Int(e, nameof(RejectedPairs)),
        OptionalDouble(e, nameof(MeanNdai)),
        OptionalString(e, nameof(AnnualBlob)),
        OptionalLong(e, nameof(ActivePixels)),
        OptionalDouble(e, nameof(PixelAreaM2)),
        OptionalDouble(e, nameof(ActiveAreaM2)),
        OptionalLong(e, nameof(UncertainPixels)),
        OptionalDouble(e, nameof(ActiveAreaUncertaintyM2)));
}
