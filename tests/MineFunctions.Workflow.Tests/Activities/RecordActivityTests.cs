using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>The activities that only record (a run's outcomes, an NDAI stage's commit), against an in-memory store.</summary>
public sealed class RecordActivityTests
{
    [Fact]
    public async Task RecordRun_WritesOneRunsRowPerAssetOutcome()
    {
        var (settings, started) = (new PipelineSettings(), new DateTime(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc));
        var record = new RunRecord("run-7", "manual", settings, started, started.AddMinutes(4),
        [
            new AssetOutcome("mine-a", AssetOutcome.Succeeded, 12, 3, null),
            new AssetOutcome("mine-b", AssetOutcome.Failed, 0, 0, "Asset 'mine-b' has no asset.json."),
        ]);
        var store = new InMemoryProductStore();

        Assert.Equal(2, await new RecordRunActivity(store).RunAsync(null!, record));

        var rows = store.Rows<RunRow>();
        Assert.Equal(
            [
                new RunRow("run-7", "mine-a", SettingsFingerprint.Of(settings), "manual", "succeeded", 12, 3, null),
                new RunRow("run-7", "mine-b", SettingsFingerprint.Of(settings), "manual", "failed", 0, 0, "Asset 'mine-b' has no asset.json."),
            ],
            rows);
        // Recording the same outcomes again changes nothing.
        var writes = store.Writes;
        await new RecordRunActivity(store).RunAsync(null!, record);
        Assert.Equal(writes, store.Writes);
    }

    [Fact]
    public async Task NdaiCommit_WritesTheGenerationMaskAndFailedPairs_InOrdinalOrder()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        var task = new NdaiCommitTask(scope, "gen-1", "abc123", ["20200113_20200125", "20200101_20200113"]);

        Assert.True(await new NdaiCommitActivity(store).RunAsync(null!, task));

        using var json = System.Text.Json.JsonDocument.Parse(store.ProductText(StorageLayout.NdaiState(Asset, Key(scope))));
        Assert.Equal("gen-1", json.RootElement.GetProperty("generation").GetString());
        Assert.Equal("abc123", json.RootElement.GetProperty("maskSha256").GetString());
        Assert.Equal(["20200101_20200113", "20200113_20200125"], json.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
    }
}
