using Azure.Data.Tables;
using static MineFunctions.Infrastructure.Storage.Tables.TableColumns;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Table PairResults: one row per pair of an asset under one settings key: its stable-pixel
/// statistics (METHOD.md §1.3) and whether it was accepted, with the reason when not. A pair the
/// selection rules left out before screening has a row too (reason "excluded: …", no statistics).
/// <see cref="PerpendicularBaselineM"/> is the pair's Bperp (secondary − reference) and
/// <see cref="BaselineSource"/> where it came from (e.g. "pairs.csv (ASF Vertex SBAS)"); both null when unknown.
/// <see cref="ProductName"/>, <see cref="Looks"/> and <see cref="PixelSpacingM"/> describe a HyP3 product input.
/// Keys: PartitionKey = asset id, RowKey = "&lt;settingsKey&gt;_&lt;ref&gt;_&lt;sec&gt;" (dates yyyymmdd).
/// </summary>
public sealed record PairResultRow(
    string AssetId,
    string SettingsKey,
    DateOnly ReferenceDate,
    DateOnly SecondaryDate,
    int Year,
    long StablePixels,
    double? StableMean,
    double? StableStd,
    bool Accepted,
    string? Reason,
    double? PerpendicularBaselineM,
    string? CoherenceBlob,
    string? NdaiBlob,
    string? BaselineSource = null,
    string? ProductName = null,
    string? Looks = null,
    double? PixelSpacingM = null) : ITableRow<PairResultRow>
{
    public static string TableName => TableNames.PairResults;

    public string PartitionKey => AssetIds.Check(AssetId);

    public string RowKey => StorageLayout.RowKey(SettingsKey, StorageLayout.PairId(ReferenceDate, SecondaryDate));

    public IReadOnlyDictionary<string, object?> ToColumns() => new Dictionary<string, object?>
    {
        [nameof(SettingsKey)] = SettingsKey,
        [nameof(ReferenceDate)] = DateText(ReferenceDate),
        [nameof(SecondaryDate)] = DateText(SecondaryDate),
        [nameof(Year)] = Year,
        [nameof(StablePixels)] = StablePixels,
        [nameof(StableMean)] = Finite(StableMean),
        [nameof(StableStd)] = Finite(StableStd),
        [nameof(Accepted)] = Accepted,
        [nameof(Reason)] = Reason,
        [nameof(PerpendicularBaselineM)] = Finite(PerpendicularBaselineM),
        [nameof(CoherenceBlob)] = CoherenceBlob,
        [nameof(NdaiBlob)] = NdaiBlob,
        [nameof(BaselineSource)] = BaselineSource,
        [nameof(ProductName)] = ProductName,
        [nameof(Looks)] = Looks,
        [nameof(PixelSpacingM)] = Finite(PixelSpacingM),
    };

    public static PairResultRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        String(e, nameof(SettingsKey)),
        Date(e, nameof(ReferenceDate)),
        Date(e, nameof(SecondaryDate)),
        Int(e, nameof(Year)),
        Long(e, nameof(StablePixels)),
        OptionalDouble(e, nameof(StableMean)),
        OptionalDouble(e, nameof(StableStd)),
        Bool(e, nameof(Accepted)),
        OptionalString(e, nameof(Reason)),
        OptionalDouble(e, nameof(PerpendicularBaselineM)),
        OptionalString(e, nameof(CoherenceBlob)),
        OptionalString(e, nameof(NdaiBlob)),
        OptionalString(e, nameof(BaselineSource)),
        OptionalString(e, nameof(ProductName)),
        OptionalString(e, nameof(Looks)),
        OptionalDouble(e, nameof(PixelSpacingM)));
}
