using Azure.Data.Tables;
using MineFunctions.Core.Contracts;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Infrastructure.Tests.Storage;

public sealed class TableRowTests
{
    private const string Key = "v1-0123456789abcdef";

    private static TableEntity ToEntity<T>(T row) where T : ITableRow<T>
    {
        var e = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (k, v) in row.ToColumns()) if (v is not null) e[k] = v;
        return e;
    }

    [Fact]
    public void PairResultRow_HasDeterministicKeysAndRoundTrips()
    {
        var row = new PairResultRow("m1", Key, new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 17), 2021, 1234, 0.91, 0.05, true, null, 42.5, "m1/x/coherence/a.tif", "m1/x/ndai/a.tif");
        Assert.Equal("m1", row.PartitionKey);
        Assert.Equal("v1-0123456789abcdef_20210105_20210117", row.RowKey);
        Assert.Equal(row, PairResultRow.FromEntity(ToEntity(row)));
    }

    [Fact]
    public void ClassCountsRow_RoundTripsAllEightClasses()
    {
        var counts = ClassCounts.FromArray([10, 1, 2, 3, 4, 5, 6, 7]);
        var row = new ClassCountsRow("m1", Key, 2020, 2022, "hsv", counts, 100, "c.tif", "k.tif");
        Assert.Equal("v1-0123456789abcdef_2020-2022", row.RowKey);
        var back = ClassCountsRow.FromEntity(ToEntity(row));
        Assert.Equal(row.Counts, back.Counts);
        Assert.Equal(row with { Counts = back.Counts }, back);
    }

    [Fact]
    public void AnnualEmissionsAndRunRows_RoundTrip()
    {
        var annual = new AnnualActivityRow("m1", Key, 2021, 20, 3, 0.42, "a.tif", null, null, null);
        Assert.Equal(annual, AnnualActivityRow.FromEntity(ToEntity(annual)));
        var worked = new AnnualActivityRow("m1", Key, 2022, 20, 3, 0.42, "a.tif", 1_200, 100, 120_000, 40, 4_000);
        Assert.Equal(worked, AnnualActivityRow.FromEntity(ToEntity(worked)));
        var emissions = new EmissionsRow("m1", Key, 2021, "iron", "BRA", 1e6, 2e7, "medium", 0.005, "low", 1e5, "low", 0.3);
        Assert.Equal(emissions, EmissionsRow.FromEntity(ToEntity(emissions)));
        var run = new RunRow("refresh-2026-11", "m1", Key, "cli", "failed", 10, 2, "no pairs");
        Assert.Equal("refresh-2026-11", run.PartitionKey);
        Assert.Equal(run, RunRow.FromEntity(ToEntity(run)));
    }

    [Fact]
    public void NonFiniteDoubles_BecomeAbsentColumns()
    {
        var row = new PairResultRow("m1", Key, new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 17), 2021, 0, double.NaN, double.PositiveInfinity, false, "no stable pixels", null, null, null);
        var e = ToEntity(row);
        Assert.False(e.ContainsKey("StableMean"));
        Assert.Null(PairResultRow.FromEntity(e).StableMean);
    }

    [Fact]
    public void SameColumns_ComparesNumbersByValueAndNoticesExtraOrChangedColumns()
    {
        var stored = new TableEntity("p", "r") { ["A"] = 5, ["B"] = "x" };
        Assert.True(TableColumns.SameColumns(stored, new Dictionary<string, object?> { ["A"] = 5.0, ["B"] = "x", ["C"] = null }));
        Assert.False(TableColumns.SameColumns(stored, new Dictionary<string, object?> { ["A"] = 5.5, ["B"] = "x" }));
        Assert.False(TableColumns.SameColumns(stored, new Dictionary<string, object?> { ["A"] = 5 }));
        Assert.False(TableColumns.SameColumns(stored, new Dictionary<string, object?> { ["A"] = 5, ["B"] = "x", ["C"] = 1 }));
    }

    [Fact]
    public void Keys_RejectHostileIds()
    {
        Assert.Throws<StorageNameException>(() => new RunRow("run/1", "m1", Key, "cli", "succeeded", 0, 0, null).PartitionKey);
        Assert.Throws<StorageNameException>(() => new RunRow("r1", "m1#x", Key, "cli", "succeeded", 0, 0, null).RowKey);
        Assert.Throws<StorageNameException>(() => TableNames.ValidatePrefix("1abc"));
    }
}
