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
}
