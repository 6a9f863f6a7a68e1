using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// A truncated and an empty pair among good ones (issue: "one truncated or 0-byte pair among good
/// ones failed the whole asset at stable statistics, naming no file"): each is a recorded pair
/// failure naming its file, and the asset goes on with the rest of its stack.
/// </summary>
public sealed class UnreadablePairTests
{
    [Fact]
    public async Task TruncatedAndEmptyPairs_AreRecordedFailures_NamingTheirFiles_AndTheAssetSucceeds()
    {
        var names = RunNamespace.Of("t" + Guid.NewGuid().ToString("N")[..12]);
        var sample = DemoSample.Create(1, 64);
        var mine = sample.Mines[0];
        var asset = mine.Mine.AssetId;
        await using var runner = await LocalRunner.StartAsync(EngineKind.Memory, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        await sample.UploadAsync(runner.Storage.Inputs, TextWriter.Null, CancellationToken.None);

        var pairBlobs = new List<string>();
        await foreach (var blob in runner.Storage.Inputs.ListAsync(asset + "/pairs/", CancellationToken.None)) pairBlobs.Add(blob.Name);
        pairBlobs.Sort(StringComparer.Ordinal);
        var truncated = pairBlobs[3];
        var empty = pairBlobs[10];
        var whole = await runner.Storage.Inputs.DownloadBytesAsync(truncated, CancellationToken.None);
        await runner.Storage.Inputs.UploadAsync(truncated, whole.AsSpan(0, whole.Length / 3).ToArray(), "image/tiff", CancellationToken.None);
        await runner.Storage.Inputs.UploadAsync(empty, ReadOnlyMemory<byte>.Empty, "image/tiff", CancellationToken.None);

        var result = await runner.RunAsync(new RefreshRequest("bad-pairs-" + names.TaskHub, [asset], new PipelineSettings(), "test"), TextWriter.Null, CancellationToken.None);

        var outcome = Assert.Single(result.Assets);
        Assert.Equal("succeeded", outcome.Status);
        Assert.Equal(pairBlobs.Count, outcome.Pairs);
        // The weather-hit pairs are rejected by screening; the two bad files are the only other rejections.
        Assert.Equal(mine.Scene.Pairs.Count(p => p.WeatherHit) + 2, outcome.RejectedPairs);
        Assert.NotNull(outcome.Error);
        Assert.StartsWith("2 of ", outcome.Error);
        Assert.Contains(truncated, outcome.Error);
        Assert.Contains(empty, outcome.Error);

        var rows = new List<PairResultRow>();
        await foreach (var row in runner.Storage.Tables.QueryAssetAsync<PairResultRow>(asset, null, CancellationToken.None)) rows.Add(row);
        var failed = rows.Where(r => r.Reason?.StartsWith("failed: ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, r => r.Reason!.Contains(truncated, StringComparison.Ordinal) && r.CoherenceBlob == truncated);
        Assert.Contains(failed, r => r.Reason!.Contains(empty, StringComparison.Ordinal) && r.CoherenceBlob == empty);
        Assert.All(failed, r => Assert.False(r.Accepted));
        Assert.Equal(pairBlobs.Count, rows.Count);
    }
}
