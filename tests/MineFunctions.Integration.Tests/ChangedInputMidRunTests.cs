using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;
using Xunit.Abstractions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix row "an input blob deleted or replaced mid-run" (docs/RELIABILITY.md): after discovery has listed
/// (and pinned) an asset's pairs, one pair blob is deleted and another replaced, before any pair stage reads them.
/// The change is made by the discovery activity's wrapper as it returns, so it always lands in that window: the faulted
/// run goes a stage a call (AssetCallPixels 0; in one call, discovery is not an activity of its own to wrap). The clean
/// run takes the default, the whole asset in one call.
/// </summary>
public sealed class ChangedInputMidRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task APairDeletedAndOneReplacedAfterDiscovery_AreRecordedFailures_AndTheRestEqualsACleanRunWithoutThem()
    {
        var sample = DemoSample.Create(1, 64);
        var mine = sample.Mines[0];
        var asset = mine.Mine.AssetId;
        var settings = new PipelineSettings();
        var key = SettingsFingerprint.Of(settings);

        // The faulted run.
        var names = RunNamespace.Of("t" + Guid.NewGuid().ToString("N")[..12]);
        string deleted = "", replaced = "", donor = "";
        await using var faulted = await LocalRunner.StartAsync(EngineKind.Memory, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None,
            register: r => RegisterChangingInputsAfterDiscovery(r, async inputs =>
            {
                await inputs.DeleteIfExistsAsync(deleted);
                await inputs.UploadAsync(replaced, await inputs.DownloadBytesAsync(donor), "image/tiff");
            }));
        await sample.UploadAsync(faulted.Storage.Inputs, TextWriter.Null, CancellationToken.None);
        var pairBlobs = new List<string>();
        await foreach (var blob in faulted.Storage.Inputs.ListAsync(asset + "/pairs/", CancellationToken.None)) pairBlobs.Add(blob.Name);
        pairBlobs.Sort(StringComparer.Ordinal);
        (deleted, replaced, donor) = (pairBlobs[3], pairBlobs[10], pairBlobs[20]);

        var result = await faulted.RunAsync(new RefreshRequest("changed-" + names.TaskHub, [asset], settings with { AssetCallPixels = 0 }, "test"), TextWriter.Null, CancellationToken.None);

        Assert.True(result.Completed, result.Status.FailureReason);
        var outcome = Assert.Single(result.Assets);
        Assert.Equal(AssetOutcome.Succeeded, outcome.Status);
        Assert.Equal(pairBlobs.Count, outcome.Pairs);
        Assert.StartsWith($"2 of {pairBlobs.Count} pairs failed", outcome.Error);
        Assert.Contains(deleted, outcome.Error);
        Assert.Contains(replaced, outcome.Error);
        var rows = await RowsAsync<PairResultRow>(faulted.Storage, asset);
        var failed = rows.Where(r => r.Reason?.StartsWith("failed: ", StringComparison.Ordinal) == true).OrderBy(r => r.CoherenceBlob, StringComparer.Ordinal).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal($"failed: {deleted}: the blob was deleted during the run", failed[0].Reason);
        Assert.StartsWith($"failed: {replaced}: the blob was replaced during the run", failed[1].Reason);
        Assert.All(failed, r => Assert.False(r.Accepted));

        // A clean run over the same inputs without those two pairs.
        var cleanNames = RunNamespace.Of("t" + Guid.NewGuid().ToString("N")[..12]);
        await using var clean = await LocalRunner.StartAsync(EngineKind.Memory, cleanNames, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        await sample.UploadAsync(clean.Storage.Inputs, TextWriter.Null, CancellationToken.None);
        await clean.Storage.Inputs.DeleteIfExistsAsync(deleted);
        await clean.Storage.Inputs.DeleteIfExistsAsync(replaced);
        var cleanResult = await clean.RunAsync(new RefreshRequest("clean-" + cleanNames.TaskHub, [asset], settings, "test"), TextWriter.Null, CancellationToken.None);
        var cleanOutcome = Assert.Single(cleanResult.Assets);
        Assert.Equal((AssetOutcome.Succeeded, pairBlobs.Count - 2, (string?)null), (cleanOutcome.Status, cleanOutcome.Pairs, cleanOutcome.Error));
        Assert.Equal(cleanOutcome.RejectedPairs + 2, outcome.RejectedPairs);

        // Every pair row but the two failures is the clean run's.
        Assert.Equal(await RowsAsync<PairResultRow>(clean.Storage, asset), rows.Except(failed).ToList());
        // The yearly rows are the clean run's but for the two failures counted as rejected in their years.
        var failedByYear = failed.GroupBy(f => f.Year).ToDictionary(g => g.Key, g => g.Count());
        var expectedYears = (await RowsAsync<AnnualActivityRow>(clean.Storage, asset))
            .Select(y => y with { RejectedPairs = y.RejectedPairs + failedByYear.GetValueOrDefault(y.Year) }).ToList();
        Assert.Equal(expectedYears, await RowsAsync<AnnualActivityRow>(faulted.Storage, asset));
        // Every raster and count product is the clean run's, byte for byte (by the SHA-256 each upload stores).
        var products = await ProductHashesAsync(faulted.Storage, asset, key);
        Assert.Equal(await ProductHashesAsync(clean.Storage, asset, key), products);
        Assert.Contains(products.Keys, n => n.Contains("/composite", StringComparison.Ordinal));
        Assert.Contains(products.Keys, n => n.Contains("/stable/", StringComparison.Ordinal));
        output.WriteLine($"2 injected → {failed.Count} recorded pair failures, 0 lost; {products.Count} products and {rows.Count - failed.Count} pair rows identical to the clean run's, {expectedYears.Count} yearly rows as promised");
    }

    /// <summary>The workflow, with <see cref="DiscoverAssetActivity"/> wrapped so that <paramref name="change"/> runs as it returns.</summary>
    private static void RegisterChangingInputsAfterDiscovery(DurableTaskRegistry registry, Func<ProductBlobStore, Task> change)
    {
        foreach (var t in WorkflowRegistration.Orchestrators) registry.AddOrchestrator(t);
        foreach (var t in WorkflowRegistration.Activities.Where(t => t != typeof(DiscoverAssetActivity))) registry.AddActivity(t);
        registry.AddActivity(nameof(DiscoverAssetActivity), sp => new AfterActivity(
            ActivatorUtilities.CreateInstance<DiscoverAssetActivity>(sp), () => change(sp.GetRequiredService<PipelineStorage>().Inputs)));
    }

    private static async Task<List<T>> RowsAsync<T>(PipelineStorage storage, string asset) where T : ITableRow<T>
    {
        var rows = new List<T>();
        await foreach (var row in storage.Tables.QueryAssetAsync<T>(asset, null, CancellationToken.None)) rows.Add(row);
        return rows;
    }

    /// <summary>
    /// The asset's products by name and stored hash, less the two that list the pairs themselves: the input report
    /// (one line per input file) and the run's stored pair list (named by its run).
    /// </summary>
    private static async Task<SortedDictionary<string, string?>> ProductHashesAsync(PipelineStorage storage, string asset, string key)
    {
        var hashes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var blob in storage.Products.ListAsync($"{asset}/{key}/", CancellationToken.None))
        {
            // Run records and the incremental refresh's checkpoint (state/) name the inputs' ETags, which differ between uploads.
            if (blob.Name == StorageLayout.InputReport(asset, key) || blob.Name.StartsWith($"{asset}/{key}/runs/", StringComparison.Ordinal)
                || blob.Name.StartsWith($"{asset}/{key}/state/", StringComparison.Ordinal)) continue;
            hashes[blob.Name] = blob.Sha256;
        }
        return hashes;
    }

    private sealed class AfterActivity(ITaskActivity inner, Func<Task> after) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var result = await inner.RunAsync(context, input);
            await after();
            return result;
        }
    }
}
