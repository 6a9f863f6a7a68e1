using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// Idempotent writes of result rows on deterministic (PartitionKey, RowKey) (ARCHITECTURE.md
/// convention 4). A row whose stored columns already equal the new ones is not written again, so
/// its ETag and Timestamp stay as they were and a rerun changes nothing. A row is first added
/// (one request when it is new) and compared only when one is already there. A 409 on our own key (the
/// SDK retrying an add whose first response was lost) is success once the stored content matches.
/// The SDK's own retries are the only retry layer on each call.
/// </summary>
public sealed class ResultTableStore
{
    private const int MaxAttempts = 4;

    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    public ResultTableStore(TableServiceClient service, string tablePrefix = "")
    {
        _service = service;
        TablePrefix = TableNames.ValidatePrefix(tablePrefix);
    }

    public static ResultTableStore FromConnectionString(string connectionString, string tablePrefix = "") =>
        new(new TableServiceClient(connectionString), tablePrefix);

    public string TablePrefix { get; }

    /// <summary>The real table name of a row type (prefix + name).</summary>
    public string TableNameOf<T>() where T : ITableRow<T> => TablePrefix + T.TableName;

    /// <summary>Creates every result table that does not exist yet.</summary>
    public Task EnsureTablesAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(TableNames.All.Select(n => EnsureTableAsync(TablePrefix + n, cancellationToken)));

    /// <summary>Writes the row unless an identical one is stored. Returns true when it wrote.</summary>
    public async Task<bool> UpsertAsync<T>(T row, CancellationToken cancellationToken = default) where T : ITableRow<T>
    {
        var table = await TableAsync<T>(cancellationToken);
        var columns = row.ToColumns();
        var entity = EntityOf(row.PartitionKey, row.RowKey, columns);

        // First an add, without looking: most rows are new, and the look costs a round trip each. A row already there
        // answers 409 and is then compared; a lost response's retry of our own add does the same.
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            if (stored.HasValue)
            {
                if (TableColumns.SameColumns(stored.Value!, columns)) return false;
                try
                {
                    // Replace, conditioned on what we compared against: a concurrent writer makes us look again.
                    await table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                }
            }
            else
            {
                try
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Our own add may have landed before its response was lost; the next loop compares content.
                }
            }
        }
        throw new InvalidOperationException(
            $"Row {entity.PartitionKey}/{entity.RowKey} in {table.Name} kept changing under concurrent writers; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>Rows one transaction takes at most (the service's limit for an entity group transaction).</summary>
    public const int MaxRowsPerTransaction = 100;

    /// <summary>
    /// Upserts every row; returns how many were written. Rows of one partition go in entity group transactions of adds,
    /// one request for up to <see cref="MaxRowsPerTransaction"/> new rows (an asset's pairs, years, estimates). A
    /// transaction is all or nothing: when a row of it is already there (a rerun), the group's stored rows are read and
    /// only what is new or changed is written, in one more transaction (<see cref="WriteChangedAsync{T}"/>); if another
    /// writer changes them meanwhile, its rows go one by one through <see cref="UpsertAsync{T}"/>. A row whose keys come again in the
    /// same call starts a new transaction, so the later one is written after the earlier, as one by one.
    /// </summary>
    public async Task<int> UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : ITableRow<T>
    {
        var written = 0;
        foreach (var group in Transactions(rows))
        {
            if (group.Count == 1)
            {
                if (await UpsertAsync(group[0], cancellationToken)) written++;
                continue;
            }
            var table = await TableAsync<T>(cancellationToken);
            try
            {
                await table.SubmitTransactionAsync(group.Select(r => new TableTransactionAction(TableTransactionActionType.Add, EntityOf(r.PartitionKey, r.RowKey, r.ToColumns()))), cancellationToken);
                written += group.Count;
                continue;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
            }
            if (await WriteChangedAsync(table, group, cancellationToken) is { } changed)
            {
                written += changed;
                continue;
            }
            foreach (var row in group)
            {
                if (await UpsertAsync(row, cancellationToken)) written++;
            }
        }
        return written;
    }

    /// <summary>
    /// A rerun's transaction: reads the group's stored rows in one query (its partition, between its first and last row
    /// key), then adds the new rows and replaces the changed ones in one transaction, each replace conditioned on the
    /// ETag compared against; an unchanged row is not written. Two requests for a group instead of one or two a row (a
    /// monthly refresh rewrites every asset's rows). Returns the rows written, or null when a concurrent writer got in
    /// between (the caller then goes row by row, which retries).
    /// </summary>
    private static async Task<int?> WriteChangedAsync<T>(TableClient table, List<T> group, CancellationToken cancellationToken) where T : ITableRow<T>
    {
        var keys = group.Select(r => r.RowKey).Order(StringComparer.Ordinal).ToList();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group[0].PartitionKey} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
        var stored = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) stored[entity.RowKey] = entity;
        var actions = new List<TableTransactionAction>();
        foreach (var row in group)
        {
            var columns = row.ToColumns();
            if (!stored.TryGetValue(row.RowKey, out var old))
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EntityOf(row.PartitionKey, row.RowKey, columns)));
            else if (!TableColumns.SameColumns(old, columns))
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityOf(row.PartitionKey, row.RowKey, columns), old.ETag));
        }
        if (actions.Count == 0) return 0;
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return actions.Count;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Consecutive rows of one partition, each key once, at most <see cref="MaxRowsPerTransaction"/> a group, in order.</summary>
    private static IEnumerable<List<T>> Transactions<T>(IEnumerable<T> rows) where T : ITableRow<T>
    {
        var group = new List<T>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (group.Count > 0 && (group.Count == MaxRowsPerTransaction || row.PartitionKey != group[0].PartitionKey || !keys.Add(row.RowKey)))
            {
                yield return group;
                (group, keys) = ([], new HashSet<string>(StringComparer.Ordinal) { row.RowKey });
            }
            else if (group.Count == 0)
            {
                keys.Add(row.RowKey);
            }
            group.Add(row);
        }
        if (group.Count > 0) yield return group;
    }

    private static TableEntity EntityOf(string partitionKey, string rowKey, IReadOnlyDictionary<string, object?> columns)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in columns)
        {
            if (value is not null) entity[name] = value;
        }
        return entity;
    }

    /// <summary>One row by its keys, or null.</summary>
    public async Task<T?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class, ITableRow<T>
    {
        var table = await TableAsync<T>(cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Validate(partitionKey, "partition key"), TableKey.Validate(rowKey, "row key"), cancellationToken: cancellationToken);
        return stored.HasValue ? T.FromEntity(stored.Value!) : null;
    }

    /// <summary>Rows of one asset (PartitionKey), optionally only those of one settings key, in row-key order.</summary>
    public IAsyncEnumerable<T> QueryAssetAsync<T>(string assetId, string? settingsKey = null, CancellationToken cancellationToken = default)
        where T : ITableRow<T> =>
        QueryAsync<T>(AssetIds.Check(assetId), settingsKey is null ? null : StorageLayout.RowKeyPrefix(settingsKey), cancellationToken);

    /// <summary>The per-asset outcomes of one run.</summary>
    public IAsyncEnumerable<RunRow> QueryRunAsync(string runId, CancellationToken cancellationToken = default) =>
        QueryAsync<RunRow>(TableKey.Validate(runId, "run id"), null, cancellationToken);

    /// <summary>
    /// One page (at most <paramref name="pageSize"/> rows, in asset order) of a run's per-asset
    /// outcomes, only those with <paramref name="status"/> when given, and the service's token for
    /// the next page (null at the end). A filtered page may hold fewer rows than asked and still have a next one.
    /// </summary>
    public async Task<(IReadOnlyList<RunRow> Rows, string? Continuation)> QueryRunPageAsync(
        string runId, string? status, string? continuation, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var table = await TableAsync<RunRow>(cancellationToken);
        var partition = TableKey.Validate(runId, "run id");
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {status}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return (page.Values.Select(RunRow.FromEntity).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>
    /// Up to <paramref name="count"/> run ids (Runs partitions) after <paramref name="after"/>, in id
    /// order. Each is one keys-only query for the first row past the previous run, so a page costs
    /// one request per run however many assets each run filed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunIdsAfterAsync(string? after, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var table = await TableAsync<RunRow>(cancellationToken);
        var ids = new List<string>();
        var last = after is null ? null : TableKey.Validate(after, "run id");
        while (ids.Count < count)
        {
            var filter = last is null ? null : TableClient.CreateQueryFilter($"PartitionKey gt {last}");
            string? next = null;
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                if (page.Values.Count > 0) next = page.Values[0].PartitionKey;
                // Stop at the first page that holds a row; an empty page with a token means the service paused the scan.
                if (next is not null || page.ContinuationToken is null) break;
            }
            if (next is null) break;
            ids.Add(next);
            last = next;
        }
        return ids;
    }

    private async IAsyncEnumerable<T> QueryAsync<T>(string partitionKey, string? rowKeyPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : ITableRow<T>
    {
        var table = await TableAsync<T>(cancellationToken);
        // Keys are allowlisted ([A-Za-z0-9-_.:]), so no quote can reach the filter; still use the SDK's escaping.
        var filter = rowKeyPrefix is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {PrefixUpperBound(rowKeyPrefix)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return T.FromEntity(entity);
        }
    }

    // The smallest string greater than every string starting with the prefix: last char + 1.
    private static string PrefixUpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private async Task<TableClient> TableAsync<T>(CancellationToken cancellationToken) where T : ITableRow<T>
    {
        var name = TableNameOf<T>();
        await EnsureTableAsync(name, cancellationToken);
        return _service.GetTableClient(name);
    }

    private Task EnsureTableAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _created.GetOrAdd(name, n => new Lazy<Task>(() => _service.GetTableClient(n).CreateIfNotExistsAsync(cancellationToken)));
        var task = lazy.Value;
        // A failed creation must not be cached forever: the next call tries again.
        if (task.IsFaulted || task.IsCanceled) _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, lazy));
        return task;
    }
}
