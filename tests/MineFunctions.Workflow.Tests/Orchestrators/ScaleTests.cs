using System.Globalization;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// A refresh at the size of Climate TRACE's inventory and beyond, on the in-memory engine with the
/// activity doubles: assets run in chunk sub-orchestrations, and no input or output, of an activity
/// or of an orchestration, passes the Azure Storage backend's 45 KB spill size (docs/SCALE.md).
/// </summary>
public sealed class ScaleTests
{
    /// <summary>DurableTask.AzureStorage moves a message over 45 × 1024 bytes to a blob; 1 KB is left for the envelope (HostLimits in the CLI).</summary>
    private const int MaxPayloadBytes = (45 * 1024) - 1024;

    private static async Task<RefreshResult> RunAsync(
        Microsoft.DurableTask.Testing.DurableTaskTestHost host, RefreshRequest request, TimeSpan timeout)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), request, new StartOrchestrationOptions(request.RunId));
        using var cts = new CancellationTokenSource(timeout);
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        return meta.ReadOutputAs<RefreshResult>()!;
    }

    [Fact]
    public async Task ARefresh_RunsItsAssetsInChunkSubOrchestrations_EachAssetOnce()
    {
        var assets = Enumerable.Range(1, 7).Select(i => $"a{i}").ToList();
        var fakes = new FakeAssetActivities { Assets = assets, PairsPerYear = 1, FailingAssets = ["a5"] };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        var settings = new PipelineSettings { AssetChunkSize = 3, MaxParallelAssets = 2 };
        var result = await RunAsync(host, new RefreshRequest("run-c", [], settings, "test"), TimeSpan.FromSeconds(120));

        // 7 assets of 3 pairs (one a year), a5 failing before it lists any: 6 × 3 = 18 pairs.
        Assert.Equal(new RefreshResult("run-c", 7, 6, 1, 18, 0), result);
        // ceil(7 / 3) = 3 chunks of 3, 3 and 1 assets, under deterministic ids; no fourth.
        var chunks = new List<ChunkResult>();
        for (var i = 0; i < 3; i++)
        {
            var chunk = await host.Client.GetInstanceAsync($"run-c:chunk:{i:D4}", getInputsAndOutputs: true);
            Assert.NotNull(chunk);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, chunk.RuntimeStatus);
            chunks.Add(chunk.ReadOutputAs<ChunkResult>()!);
        }
        Assert.Null(await host.Client.GetInstanceAsync("run-c:chunk:0003"));
        Assert.Equal(new ChunkResult(3, 3, 0, 9, 0), chunks[0]);
        Assert.Equal(new ChunkResult(3, 2, 1, 6, 0), chunks[1]);
        Assert.Equal(new ChunkResult(1, 1, 0, 3, 0), chunks[2]);
        Assert.Equal(assets, fakes.Records.Select(r => Assert.Single(r.Assets).AssetId).Order(StringComparer.Ordinal));
        Assert.Equal(3, fakes.Calls[nameof(AssetChunkActivity)]);
        Assert.Equal(6, Assert.Single(fakes.Estimates).SucceededAssets);
    }

    [Fact]
    public async Task AnExplicitAssetList_IsRunAsGiven_InOneChunk()
    {
        var fakes = new FakeAssetActivities { Assets = ["a1", "a2", "a3"], PairsPerYear = 1 };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        var result = await RunAsync(host, new RefreshRequest("run-e", ["a3", "a1"], new PipelineSettings(), "test"), TimeSpan.FromSeconds(60));

        Assert.Equal(new RefreshResult("run-e", 2, 2, 0, 6, 0), result);
        Assert.Equal(["a1", "a3"], fakes.Records.Select(r => r.Assets[0].AssetId).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// 1,500 assets with ids of the longest allowed length (64 characters); one has 501 pairs with
    /// HyP3-length file names and runs the real asset orchestration, its pair stages in chunks; the
    /// others answer "no usable pair" at once (<see cref="FakeAssetActivities.AssetShortcut"/>), so
    /// the test takes minutes, not an hour, on two shared cores, while each still is a sub-orchestration
    /// with its Runs row. Each payload belongs to one orchestration, so the largest asset and the
    /// longest asset list together bound what a run of 1,500 assets × 500 pairs sends. Under the old
    /// contracts the asset list alone and the pair list alone were each over the limit.
    /// </summary>
    [Fact]
    public async Task AtFifteenHundredAssetsAndFiveHundredPairs_NoPayloadPassesTheSpillSize()
    {
        const int assetCount = 1500;
        var assets = Enumerable.Range(0, assetCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"asset-{i:D4}-").PadRight(64, 'x')).ToList();
        var big = assets[0];
        var fakes = new FakeAssetActivities
        {
            Assets = assets,
            PairsPerYearOf = a => a == big ? 167 : 0,
            AssetShortcut = r => r.AssetId == big ? null : new AssetOutcome(r.AssetId, AssetOutcome.Failed, 0, 0, "no usable pair (0 excluded)"),
            PairIdOf = (y, i) => string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(y, 1, 1).AddDays(2 * i):yyyyMMdd}_{new DateOnly(y, 1, 13).AddDays(2 * i):yyyyMMdd}"),
            FromSlc = true,
            // Rasters of one pixel: NDAI goes as many pairs to a call as a chunk's bytes allow, the largest NDAI payloads.
            GridPixels = 1,
        };
        await using var host = await TestEngine.StartAsync(fakes.Register);
        // One call in flight at a time: the test host's in-memory backend sleeps 500 ms whenever its
        // processor-count cap on work items is reached (ENGINEERING-NOTES.md), which made wider windows hours long here.
        var settings = new PipelineSettings { MaxParallelAssets = 1, PairBatchSize = 1 };
        var result = await RunAsync(host, new RefreshRequest("run-big", [], settings, "test"), TimeSpan.FromMinutes(15));

        Assert.Equal(new RefreshResult("run-big", assetCount, 1, assetCount - 1, 501, 0), result);
        Assert.Equal(assetCount, fakes.Records.Count);
        Assert.Contains(new AssetStableCall(big, 501), fakes.StableCalls);
        Assert.Equal(30, fakes.Calls[nameof(AssetChunkActivity)]);

        // Activities: every input and output, as the SDK serialized it.
        Assert.True(fakes.LargestPayload.Bytes <= MaxPayloadBytes, $"{fakes.LargestPayload.What}: {fakes.LargestPayload.Bytes} bytes");
        // Orchestrations: every instance's input and output (run, 30 chunks, 1,500 assets).
        var instances = 0;
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true, PageSize = 500 }))
        {
            instances++;
            Assert.True(Bytes(instance.SerializedInput) <= MaxPayloadBytes, $"input of {instance.InstanceId}: {Bytes(instance.SerializedInput)} bytes");
            Assert.True(Bytes(instance.SerializedOutput) <= MaxPayloadBytes, $"output of {instance.InstanceId}: {Bytes(instance.SerializedOutput)} bytes");
        }
        // The run, its 30 chunks, 1,500 assets, and the big asset's stages in chunks of 50 pairs: ceil(501 / 50) = 11 each for coherence and NDAI.
        Assert.Equal(1 + 30 + assetCount + 11 + 11, instances);
        Assert.NotNull(await host.Client.GetInstanceAsync($"run-big:{big}:ndai:0010"));
        Assert.Equal(501, fakes.NdaiBatches.Sum(b => b.Count) + fakes.Calls.GetValueOrDefault(nameof(NdaiActivity)));

        // The test can fail: the old payloads (every asset id; every selected pair) pass the limit here.
        Assert.True(Bytes(JsonDataConverter.Default.Serialize(assets)) > MaxPayloadBytes);
        var pairs = (List<PairWork>)fakes.Blobs.Single(b => b.Key.StartsWith(big + "/", StringComparison.Ordinal)).Value;
        Assert.True(Bytes(JsonDataConverter.Default.Serialize(pairs)) > MaxPayloadBytes);
    }

    private static int Bytes(string? json) => json is null ? 0 : Encoding.UTF8.GetByteCount(json);
}
