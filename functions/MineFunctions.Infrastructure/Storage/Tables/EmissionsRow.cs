using System.Globalization;
using Azure.Data.Tables;
using static MineFunctions.Infrastructure.Storage.Tables.TableColumns;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Table Emissions: one row per asset-year under one settings key: mined area, ore activity,
/// emission factor and CO2 with their confidences and uncertainties (METHOD.md §1.6–1.7). Null
/// means not modelled (never 0).
/// Keys: PartitionKey = asset id, RowKey = "&lt;settingsKey&gt;_&lt;year&gt;".
/// </summary>
public sealed record EmissionsRow(
    string AssetId,
    string SettingsKey,
    int Year,
    string Commodity,
    string Iso3,
    double? MinedAreaM2,
    double? ActivityTonnes,
    string? ActivityConfidence,
    double? EmissionFactor,
    string? EmissionFactorConfidence,
    double? Co2Tonnes,
    string? Confidence,
    double? Uncertainty,
    double? MinedAreaUncertaintyM2 = null,
    double? ActivityUncertaintyTonnes = null) : ITableRow<EmissionsRow>
{
    public static string TableName => TableNames.Emissions;

    public string PartitionKey => AssetIds.Check(AssetId);

    public string RowKey => StorageLayout.RowKey(SettingsKey, Year.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, object?> ToColumns() => new Dictionary<string, object?>
    {
        [nameof(SettingsKey)] = SettingsKey,
        [nameof(Year)] = Year,
        [nameof(Commodity)] = Commodity,
        [nameof(Iso3)] = Iso3,
        [nameof(MinedAreaM2)] = Finite(MinedAreaM2),
        [nameof(ActivityTonnes)] = Finite(ActivityTonnes),
        [nameof(ActivityConfidence)] = ActivityConfidence,
        [nameof(EmissionFactor)] = Finite(EmissionFactor),
        [nameof(EmissionFactorConfidence)] = EmissionFactorConfidence,
        [nameof(Co2Tonnes)] = Finite(Co2Tonnes),
        [nameof(Confidence)] = Confidence,
        [nameof(Uncertainty)] = Finite(Uncertainty),
        [nameof(MinedAreaUncertaintyM2)] = Finite(MinedAreaUncertaintyM2),
        [nameof(ActivityUncertaintyTonnes)] = Finite(ActivityUncertaintyTonnes),
    };

    public static EmissionsRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        String(e, nameof(SettingsKey)),
        Int(e, nameof(Year)),
        String(e, nameof(Commodity)),
        String(e, nameof(Iso3)),
        OptionalDouble(e, nameof(MinedAreaM2)),
        OptionalDouble(e, nameof(ActivityTonnes)),
        OptionalString(e, nameof(ActivityConfidence)),
        OptionalDouble(e, nameof(EmissionFactor)),
        OptionalString(e, nameof(EmissionFactorConfidence)),
        OptionalDouble(e, nameof(Co2Tonnes)),
        OptionalString(e, nameof(Confidence)),
        OptionalDouble(e, nameof(Uncertainty)),
        OptionalDouble(e, nameof(MinedAreaUncertaintyM2)),
        OptionalDouble(e, nameof(ActivityUncertaintyTonnes)));
}
