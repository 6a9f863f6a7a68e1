namespace MineFunctions.Workflow.Tests;

public sealed class InstanceIdsTests
{
    [Fact]
    public void MonthlyRefresh_IsTheSameForEveryMomentOfAMonth_AndDiffersBetweenMonths()
    {
        var first = InstanceIds.MonthlyRefresh(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
        var last = InstanceIds.MonthlyRefresh(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero));
        var next = InstanceIds.MonthlyRefresh(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("refresh-2026-11", first);
        Assert.Equal(first, last);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void MonthlyRefresh_UsesUtc_NotTheOffsetOfTheCaller()
    {
        // 00:30 on 1 December in UTC+2 is still November in UTC.
        var id = InstanceIds.MonthlyRefresh(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(2)));
        Assert.Equal("refresh-2026-11", id);
    }

    [Fact]
    public void AssetReprocess_IsDeterministicPerBlobVersion()
    {
        Assert.Equal(InstanceIds.AssetReprocess("sishen", "0x8D1"), InstanceIds.AssetReprocess("sishen", "0x8D1"));
        Assert.NotEqual(InstanceIds.AssetReprocess("sishen", "0x8D1"), InstanceIds.AssetReprocess("sishen", "0x8D2"));
        Assert.Matches("^asset-sishen-[0-9a-f]{16}$", InstanceIds.AssetReprocess("sishen", "0x8D1"));
    }
}
