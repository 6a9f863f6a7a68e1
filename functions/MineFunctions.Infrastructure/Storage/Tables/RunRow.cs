using Azure.Data.Tables;
using static MineFunctions.Infrastructure.Storage.Tables.TableColumns;

namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Table Runs: one row per asset of a run: its outcome ("succeeded" / "failed" with the reason),
/// pair counts and the settings key its results are filed under, so "what did run X produce" is one
/// partition read followed by per-asset reads on that settings key. Result rows themselves carry no
/// run id: they depend only on (asset, settings), so a later run with the same inputs changes nothing.
/// Keys: PartitionKey = run id, RowKey = asset id.
/// </summary>
public sealed record RunRow(
    string RunId,
    string AssetId,
    string SettingsKey,
    string Trigger,
    string Status,
    int Pairs,
    int RejectedPairs,
    string? Error) : ITableRow<RunRow>
{
    public static string TableName => TableNames.Runs;

    public string PartitionKey => TableKey.Validate(RunId, "run id");

    public string RowKey => AssetIds.Check(AssetId);

    public IReadOnlyDictionary<string, object?> ToColumns() => new Dictionary<string, object?>
    {
        [nameof(SettingsKey)] = SettingsKey,
        [nameof(Trigger)] = Trigger,
        [nameof(Status)] = Status,
        [nameof(Pairs)] = Pairs,
        [nameof(RejectedPairs)] = RejectedPairs,
        [nameof(Error)] = Error,
    };

    public static RunRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        String(e, nameof(SettingsKey)),
        String(e, nameof(Trigger)),
        String(e, nameof(Status)),
        Int(e, nameof(Pairs)),
        Int(e, nameof(RejectedPairs)),
        OptionalString(e, nameof(Error)));
}
