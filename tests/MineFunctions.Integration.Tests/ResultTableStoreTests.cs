using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Integration.Tests;

public sealed class ResultTableStoreTests : IAsyncLifetime
{
    private const string Key = "v1-0123456789abcdef";
    private readonly TableServiceClient _service = new(TestStorage.ConnectionString);
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private ResultTableStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new ResultTableStore(_service, _prefix);
        await _store.EnsureTablesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var name in TableNames.All) await _service.DeleteTableAsync(_prefix + name);
    }

    private static PairResultRow Pair(int day, bool accepted = true, double mean = 0.9) =>
        new("m1", Key, new DateOnly(2021, 1, day), new DateOnly(2021, 1, day + 12), 2021, 5000, mean, 0.04, accepted, accepted ? null : "low coherence", null, "c.tif", "n.tif");

    [Fact]
    public async Task SecondUpsertOfIdenticalRow_WritesNothing_EtagAndTimestampUnchanged()
    {
        var row = Pair(5);
        var table = _service.GetTableClient(_store.TableNameOf<PairResultRow>());

        Assert.True(await _store.UpsertAsync(row));
        var before = (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value;
        await Task.Delay(50);
        Assert.False(await _store.UpsertAsync(row));
        var after = (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value;

        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Timestamp, after.Timestamp);
        Assert.Equal(row, await _store.GetAsync<PairResultRow>(row.PartitionKey, row.RowKey));
    }

    [Fact]
    public async Task UpsertOfChangedRow_ReplacesAllItsColumns()
    {
        Assert.True(await _store.UpsertAsync(Pair(5)));
        var changed = Pair(5, accepted: false, mean: 0.3) with { CoherenceBlob = null };
        Assert.True(await _store.UpsertAsync(changed));

        Assert.Equal(changed, await _store.GetAsync<PairResultRow>(changed.PartitionKey, changed.RowKey));
    }

    [Fact]
    public async Task RowAlreadyAddedWithSameContent_ByALostResponseRetry_IsSuccessWithoutAWrite()
    {
        var row = new RunRow("refresh-2026-11", "m1", Key, "cli", "succeeded", 30, 4, null);
        var table = _service.GetTableClient(_store.TableNameOf<RunRow>());
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (k, v) in row.ToColumns()) if (v is not null) entity[k] = v;
        await table.AddEntityAsync(entity);
        var etag = (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value.ETag;

        Assert.False(await _store.UpsertAsync(row));
        Assert.Equal(etag, (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value.ETag);
    }

    [Fact]
    public async Task QueryAsset_FiltersBySettingsKey_AndQueryRun_ReturnsTheRunsAssets()
    {
        await _store.UpsertAllAsync([Pair(5), Pair(17), Pair(5) with { SettingsKey = "v2-0123456789abcdef" }, Pair(5) with { AssetId = "m2" }]);
        await _store.UpsertAllAsync([
            new RunRow("r1", "m1", Key, "cli", "succeeded", 2, 0, null),
            new RunRow("r1", "m2", Key, "cli", "failed", 0, 0, "no polygon"),
            new RunRow("r2", "m1", Key, "cli", "succeeded", 2, 0, null),
        ]);

        var pairs = new List<PairResultRow>();
        await foreach (var p in _store.QueryAssetAsync<PairResultRow>("m1", Key)) pairs.Add(p);
        var all = new List<PairResultRow>();
        await foreach (var p in _store.QueryAssetAsync<PairResultRow>("m1")) all.Add(p);
        var runs = new List<RunRow>();
        await foreach (var r in _store.QueryRunAsync("r1")) runs.Add(r);

        Assert.Equal([new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 17)], pairs.Select(p => p.ReferenceDate).ToArray());
        Assert.Equal(3, all.Count);
        Assert.Equal(["m1", "m2"], runs.Select(r => r.AssetId).ToArray());
        Assert.Equal("no polygon", runs[1].Error);
    }

    /// <summary>Requests the table client sends, by kind: entity group transactions, single-entity writes, reads (a look or a query page).</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        public int Transactions;
        public int EntityWrites;
        public int Reads;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Count(HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            if (path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref Transactions);
            else if (message.Request.Method == RequestMethod.Get) Interlocked.Increment(ref Reads);
            else if (!path.EndsWith("Tables", StringComparison.Ordinal)) Interlocked.Increment(ref EntityWrites);
        }
    }

    private static PairResultRow Day(int i, double mean = 0.9)
    {
        var reference = new DateOnly(2021, 1, 1).AddDays(i);
        return new("m1", Key, reference, reference.AddDays(12), 2021, 5000, mean, 0.04, true, null, null, "c.tif", "n.tif");
    }

    [Fact]
    public async Task UpsertAll_AddsAPartitionsNewRowsInTransactions_AndAfterAConflict_WritesOnlyWhatChangedInOneMore()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var store = new ResultTableStore(new TableServiceClient(TestStorage.ConnectionString, options), _prefix);
        var rows = Enumerable.Range(0, 120).Select(i => Day(i)).ToList();

        // 120 new rows of one partition: two transactions (at most 100 rows each), no single writes.
        Assert.Equal(120, await store.UpsertAllAsync(rows));
        Assert.Equal((2, 0), (counter.Transactions, counter.EntityWrites));
        var stored = new List<PairResultRow>();
        await foreach (var p in store.QueryAssetAsync<PairResultRow>("m1", Key)) stored.Add(p);
        Assert.Equal(rows.Select(r => r.ReferenceDate), stored.Select(r => r.ReferenceDate));

        // The same rows again: each transaction meets a row already there; the group's stored rows are read in one query
        // and compared: nothing written, and no row looked at one by one.
        var table = _service.GetTableClient(_prefix + TableNames.PairResults);
        var etag = (await table.GetEntityAsync<TableEntity>(rows[7].PartitionKey, rows[7].RowKey)).Value.ETag;
        (counter.Transactions, counter.EntityWrites, counter.Reads) = (0, 0, 0);
        Assert.Equal(0, await store.UpsertAllAsync(rows));
        Assert.Equal((2, 0, 2), (counter.Transactions, counter.EntityWrites, counter.Reads));
        Assert.Equal(etag, (await table.GetEntityAsync<TableEntity>(rows[7].PartitionKey, rows[7].RowKey)).Value.ETag);

        // One changed row and one new among them: those two are written, the rest left as they were. Per group of rows
        // (0–99, then 100–119 and the new one): the refused add, one query, one transaction of what changed.
        var etagOfSix = (await table.GetEntityAsync<TableEntity>(rows[6].PartitionKey, rows[6].RowKey)).Value.ETag;
        var changed = rows.Select((r, i) => i == 7 ? Day(7, 0.5) : r).Append(Day(200)).ToList();
        (counter.Transactions, counter.EntityWrites, counter.Reads) = (0, 0, 0);
        Assert.Equal(2, await store.UpsertAllAsync(changed));
        Assert.Equal((4, 0, 2), (counter.Transactions, counter.EntityWrites, counter.Reads));
        Assert.Equal(0.5, (await store.GetAsync<PairResultRow>(rows[7].PartitionKey, rows[7].RowKey))!.StableMean);
        Assert.NotNull(await store.GetAsync<PairResultRow>(Day(200).PartitionKey, Day(200).RowKey));
        Assert.Equal(etagOfSix, (await table.GetEntityAsync<TableEntity>(rows[6].PartitionKey, rows[6].RowKey)).Value.ETag);
    }

    /// <summary>Runs an action just before the client sends its <c>n</c>th entity group transaction.</summary>
    private sealed class BeforeTransaction(int n, Func<Task> action) : HttpPipelinePolicy
    {
        private int _seen;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _seen) == n) await action();
            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task UpsertAll_WhenAnotherWriterChangesARowBetweenTheReadAndTheWrite_GoesRowByRow_AndEndsWithItsOwnRows()
    {
        var rows = Enumerable.Range(0, 5).Select(i => Day(400 + i)).ToList();
        Assert.Equal(5, await _store.UpsertAllAsync(rows));
        var table = _service.GetTableClient(_prefix + TableNames.PairResults);
        // The rerun's first transaction (the add) is refused; before its second (the changed rows 1 and 2, conditioned on
        // the ETags just read) another writer replaces row 2 with what this one is about to write, so that transaction is
        // refused too. Row by row, row 2 is then found as wanted and left alone: only row 1 is written. (Without the ETag
        // condition the transaction would have gone through and counted both.)
        var options = new TableClientOptions();
        options.AddPolicy(new BeforeTransaction(2, async () =>
        {
            var other = (await table.GetEntityAsync<TableEntity>(rows[2].PartitionKey, rows[2].RowKey)).Value;
            other["StableMean"] = 0.3;
            await table.UpdateEntityAsync(other, other.ETag, TableUpdateMode.Replace);
        }), HttpPipelinePosition.PerCall);
        var store = new ResultTableStore(new TableServiceClient(TestStorage.ConnectionString, options), _prefix);

        var changed = rows.Select((r, i) => i is 1 or 2 ? Day(400 + i, 0.3) : r).ToList();
        Assert.Equal(1, await store.UpsertAllAsync(changed));

        foreach (var (row, i) in changed.Select((r, i) => (r, i)))
            Assert.Equal(i is 1 or 2 ? 0.3 : 0.9, (await store.GetAsync<PairResultRow>(row.PartitionKey, row.RowKey))!.StableMean);
    }

    [Fact]
    public async Task UpsertAll_OfOneKeyTwice_LeavesTheLaterRow_AsOneByOneWould()
    {
        Assert.Equal(3, await _store.UpsertAllAsync([Day(300), Day(301, 0.7), Day(300, 0.6)]));
        Assert.Equal(0.6, (await _store.GetAsync<PairResultRow>(Day(300).PartitionKey, Day(300).RowKey))!.StableMean);
        Assert.Equal(0.7, (await _store.GetAsync<PairResultRow>(Day(301).PartitionKey, Day(301).RowKey))!.StableMean);
    }
}
