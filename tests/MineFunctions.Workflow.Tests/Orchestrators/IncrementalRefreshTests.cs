using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Storage;
using MineFunctions.Workflow.Tests.ActivityTests;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// An incremental refresh (docs/ARCHITECTURE.md) with the real activities on the in-memory engine: an asset
/// refreshed, given one more pair and refreshed again ends with the same products, byte for byte, and the same
/// result rows as a store that saw every pair in one run; and it computes and reads less. Counts, not timings:
/// activity calls by name and coherence rasters read.
/// </summary>
public sealed class IncrementalRefreshTests
{
    internal const string Asset = "inc-mine";
    private const int Size = 32;
    private const int RevisitDays = 61;
    internal static readonly PipelineSettings Settings = new() { TemporalBaselinesDays = [RevisitDays] };

    /// <summary>The store the registered activities work on, swapped between runs; and the activity calls by name.</summary>
    internal sealed class Harness
    {
        public InMemoryProductStore Store { get; set; } = new();

        public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        public void Register(DurableTaskRegistry r)
        {
            foreach (var t in WorkflowRegistration.Orchestrators) r.AddOrchestrator(t);
            foreach (var t in WorkflowRegistration.Activities.Where(t => t.Namespace == typeof(NdaiActivity).Namespace))
                r.AddActivity(t.Name, _ => new Counted((ITaskActivity)Activator.CreateInstance(t, Store)!, t.Name, Calls));
        }
    }

    private sealed class Counted(ITaskActivity inner, string name, ConcurrentDictionary<string, int> calls) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            var ndaiPairs = input switch { PairBatchTask batch => batch.Pairs.Count, PairTask when name == nameof(NdaiActivity) => 1, _ => 0 };
            if (ndaiPairs > 0) calls.AddOrUpdate(NdaiPairs, ndaiPairs, (_, n) => n + ndaiPairs);
            return inner.RunAsync(context, input);
        }
    }

    /// <summary>Pairs through NDAI, one a call or several (counted with the calls under this name).</summary>
    internal const string NdaiPairs = "NDAI pairs";

    /// <summary>A simulated mine (2019–2021, 61-day revisits: 17 pairs), its coherence rasters by pair, on a UTM grid.</summary>
    internal static readonly Lazy<(IReadOnlyList<(string Name, byte[] Bytes)> Pairs, string Polygon, GridSpec Grid)> Scene = new(() =>
    {
        var scene = new SceneSimulator(new SceneSettings { Width = Size, Height = Size, Seed = 7, FirstYear = 2019, Years = 3, RevisitDays = RevisitDays, WeatherDatesPerYear = 0 });
        var grid = GridSpec.NorthUp(Size, Size, 500_000, 7_800_000, 20, -20, GridCrs.Wkt(32723));
        var coherence = new float[scene.Pixels];
        var pairs = new List<(string, byte[])>();
        foreach (var pair in scene.Pairs)
        {
            scene.FillCoherence(pair.Index, coherence);
            pairs.Add((string.Create(CultureInfo.InvariantCulture, $"{pair.ReferenceDate:yyyyMMdd}_{pair.SecondaryDate:yyyyMMdd}"), GeoTiffWriter.WriteFloat32ToBytes(coherence, grid)));
        }
        return (pairs, PolygonGeoJson.FromPixelVertices(scene.MinePolygon.Select(p => (p.X, p.Y)).ToList(), grid), grid);
    });

    private static void PutAsset(InMemoryProductStore store)
    {
        store.PutInputText($"{Asset}/asset.json", """{"name": "Inc Mine", "commodity": "iron", "iso3": "BRA", "lat": -19.8, "lon": -43.2}""");
        store.PutInputText($"{Asset}/polygon.geojson", Scene.Value.Polygon);
    }

    internal static void PutPair(InMemoryProductStore store, string id, byte[] bytes) => store.PutInput($"{Asset}/pairs/{Asset}_{id}_corr.tif", bytes);

    private static async Task<AssetOutcome> RunAsync(Microsoft.DurableTask.Testing.DurableTaskTestHost host, Harness harness, InMemoryProductStore store, string runId)
    {
        harness.Store = store;
        harness.Calls.Clear();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AssetOrchestrator), new AssetRunRequest(runId, Asset, Settings), new StartOrchestrationOptions($"{runId}:{Asset}:{Guid.NewGuid():N}"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        var outcome = meta.ReadOutputAs<AssetOutcome>()!;
        Assert.True(outcome.Status == AssetOutcome.Succeeded, outcome.Error);
        return outcome;
    }

    /// <summary>
    /// Every product of the run from scratch is in the incremental store with the same bytes, and every row is the same.
    /// The incremental store may hold more: its state, the first run's pair list, and the NDAI raster of a pair
    /// the first run accepted and the second rejected (a re-run leaves such a raster as it is, from scratch or not).
    /// A run's pair list (runs/) is a record of that run, not a product: it names the ETags discovery pinned, and
    /// two stores give the same bytes different ETags; the same holds for a whole run's asset list (runs/RUN/).
    /// </summary>
    internal static void AssertSameResults(InMemoryProductStore expected, InMemoryProductStore actual)
    {
        foreach (var name in expected.ProductNames.Where(n => !n.Contains("/state/", StringComparison.Ordinal) && !n.Contains("/runs/", StringComparison.Ordinal)))
            Assert.True(actual.ProductNames.Contains(name) && expected.Product(name).AsSpan().SequenceEqual(actual.Product(name)), $"{name} differs from the run from scratch");
        var ndai = expected.Rows<Infrastructure.Storage.Tables.PairResultRow>().Select(r => r.NdaiBlob).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var extra = actual.ProductNames.Except(expected.ProductNames).Where(n => !n.Contains("/state/", StringComparison.Ordinal) && !n.Contains("/runs/run-1_", StringComparison.Ordinal)
            && !n.StartsWith("runs/run-1/", StringComparison.Ordinal));
        Assert.All(extra, n => Assert.True(n.Contains("/ndai/", StringComparison.Ordinal) && !ndai.Contains(n), $"unexpected product {n}"));
        // A run-1 that only the actual store saw (its first refresh) left its Runs row, a record as its lists are.
        var rows = expected.RowDump();
        var earlierRun = rows.Any(r => r.StartsWith("Runs|run-1|", StringComparison.Ordinal)) ? null : "Runs|run-1|";
        Assert.Equal(rows, actual.RowDump().Where(r => earlierRun is null || !r.StartsWith(earlierRun, StringComparison.Ordinal)));
    }

    internal static int Activities(IReadOnlyDictionary<string, int> calls) => calls.Where(kv => kv.Key != NdaiPairs).Sum(kv => kv.Value);

    internal static int CoherenceReads(InMemoryProductStore store) => store.Reads.Count(r => r.Area == StoreArea.Inputs && r.Name.EndsWith("_corr.tif", StringComparison.Ordinal));

    /// <summary>The stable mask: band 1 of the stable raster (its mean and std change with every new pair).</summary>
    private static byte[] Mask(InMemoryProductStore store) => [.. store.ProductFloat32(StorageLayout.StablePoints(Asset, SettingsFingerprint.Of(Settings))).Select(v => (byte)v)];

    /// <summary>
    /// The last pair's coherence, with nodata (NaN) wherever one more value could move a pixel across a stable
    /// threshold: where the other pairs' time mean is within 0.1 of StableMeanMin or their std within 0.1 of
    /// StableStdMax (computed here in double, independently of the stage). A pair that covers part of the scene.
    /// </summary>
    internal static byte[] FarFromThresholds(IReadOnlyList<(string Name, byte[] Bytes)> pairs)
    {
        var stack = pairs.SkipLast(1).Select(p => { using var r = GdalRaster.OpenBytes(p.Bytes, "p.tif", RasterReadOptions.Default); return r.ReadFloat32(); }).ToList();
        float[] last;
        using (var r = GdalRaster.OpenBytes(pairs[^1].Bytes, "p.tif", RasterReadOptions.Default)) last = r.ReadFloat32();
        for (var i = 0; i < last.Length; i++)
        {
            var values = stack.Select(s => (double)s[i]).ToList();
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            if (Math.Abs(mean - Settings.StableMeanMin) < 0.1 || Math.Abs(std - Settings.StableStdMax) < 0.1) last[i] = float.NaN;
        }
        return GeoTiffWriter.WriteFloat32ToBytes(last, Scene.Value.Grid);
    }

    /// <summary>What the two stores ended with: one that saw every pair in one run, one refreshed before and after <c>added</c> arrived.</summary>
    private sealed record Comparison(
        AssetOutcome Full, InMemoryProductStore Scratch, IReadOnlyDictionary<string, int> FullCalls,
        AssetOutcome Second, InMemoryProductStore Incremental, IReadOnlyDictionary<string, int> SecondCalls, byte[] MaskBefore, int ReadsBefore);

    internal static InMemoryProductStore StoreWith(IEnumerable<(string Name, byte[] Bytes)> pairs)
    {
        var store = new InMemoryProductStore();
        PutAsset(store);
        foreach (var (id, bytes) in pairs) PutPair(store, id, bytes);
        return store;
    }

    private static async Task<Comparison> CompareAsync(IReadOnlyList<(string Name, byte[] Bytes)> stored, (string Name, byte[] Bytes) added)
    {
        var harness = new Harness();
        await using var host = await TestEngine.StartAsync(harness.Register);
        var scratch = StoreWith([.. stored, added]);
        var full = await RunAsync(host, harness, scratch, "run-2");
        var fullCalls = new Dictionary<string, int>(harness.Calls);

        var incremental = StoreWith(stored);
        await RunAsync(host, harness, incremental, "run-1");
        var (maskBefore, readsBefore) = (Mask(incremental), CoherenceReads(incremental));
        PutPair(incremental, added.Name, added.Bytes);
        var second = await RunAsync(host, harness, incremental, "run-2");
        return new Comparison(full, scratch, fullCalls, second, incremental, new Dictionary<string, int>(harness.Calls), maskBefore, readsBefore);
    }

    [Fact]
    public async Task ANewPair_IsTheOnlyOneComputed_AndTheResultsEqualARunFromScratch()
    {
        var pairs = Scene.Value.Pairs;
        var c = await CompareAsync([.. pairs.SkipLast(1)], (pairs[^1].Name, FarFromThresholds(pairs)));

        Assert.Equal(c.MaskBefore, Mask(c.Incremental)); // the precondition of this case: the new pair leaves the mask as it was
        Assert.Equal(c.Full, c.Second);
        Assert.True(c.Incremental.Rows<Infrastructure.Storage.Tables.PairResultRow>().Single(r => r.NdaiBlob?.Contains(pairs[^1].Name, StringComparison.Ordinal) == true).Accepted);
        AssertSameResults(c.Scratch, c.Incremental);
        // From scratch: every pair through NDAI and every raster read twice (statistics, NDAI). Now: the new pair only.
        // 17 pairs of 32² px (17,408 px) fit the default NdaiBatchPixels (2^20) and a chunk (50 pairs): one call for them all;
        // a batch of one pair runs as NdaiActivity.
        Assert.Equal(pairs.Count, c.FullCalls[NdaiPairs]);
        Assert.Equal(1, c.FullCalls[nameof(NdaiBatchActivity)]);
        Assert.False(c.FullCalls.ContainsKey(nameof(NdaiActivity)));
        Assert.Equal(1, c.SecondCalls[NdaiPairs]);
        Assert.Equal(1, c.SecondCalls[nameof(NdaiActivity)]);
        Assert.False(c.SecondCalls.ContainsKey(nameof(NdaiBatchActivity)));
        Assert.Equal(2 * pairs.Count, CoherenceReads(c.Scratch));
        Assert.Equal(2, CoherenceReads(c.Incremental) - c.ReadsBefore);
        // One NDAI call either way at this size (above): the refresh saves pairs and reads, not calls.
        Assert.Equal(Activities(c.FullCalls), Activities(c.SecondCalls));
    }

    [Fact]
    public async Task ANewPairThatChangesTheStableMask_RecomputesEveryPair_AndStillEqualsARunFromScratch()
    {
        var pairs = Scene.Value.Pairs;
        // A new pair decorrelated everywhere (e.g. wet snow): the stable pixels' time std rises past the threshold.
        var snow = GeoTiffWriter.WriteFloat32ToBytes(Enumerable.Repeat(0.05f, Size * Size).ToArray(), Scene.Value.Grid);
        var c = await CompareAsync([.. pairs.SkipLast(1)], (pairs[^1].Name, snow));

        Assert.NotEqual(c.MaskBefore, Mask(c.Incremental));
        Assert.Equal(c.Full, c.Second);
        AssertSameResults(c.Scratch, c.Incremental);
        // The statistics still resume (one raster read for them); NDAI runs for every pair under the new mask, in one call.
        Assert.Equal(pairs.Count, c.SecondCalls[NdaiPairs]);
        Assert.Equal(1, c.SecondCalls[nameof(NdaiBatchActivity)]);
        Assert.Equal(1 + pairs.Count, CoherenceReads(c.Incremental) - c.ReadsBefore);
    }

    [Fact]
    public async Task ANewPairBeforeTheStoredOnes_StartsOver_AndStillEqualsARunFromScratch()
    {
        var pairs = Scene.Value.Pairs;
        var c = await CompareAsync([.. pairs.Skip(1)], pairs[0]);

        Assert.Equal(c.Full, c.Second);
        AssertSameResults(c.Scratch, c.Incremental);
        // The stored statistics do not start the new list: every raster is read again and every pair computed (one call).
        Assert.Equal(pairs.Count, c.SecondCalls[NdaiPairs]);
        Assert.Equal(1, c.SecondCalls[nameof(NdaiBatchActivity)]);
        Assert.Equal(2 * pairs.Count, CoherenceReads(c.Incremental) - c.ReadsBefore);
    }
}
