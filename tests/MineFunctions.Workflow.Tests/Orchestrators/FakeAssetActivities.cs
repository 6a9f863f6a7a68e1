using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// Activity doubles registered under the real activity names: the orchestrators are tested for
/// coordination (fan-out, batching, failure handling) on the real in-memory Durable engine, with
/// the pixel work replaced by records. Pair "p{i}" of year Y; pairs listed in <see cref="Rejected"/>
/// are rejected by screening and pairs in <see cref="Failing"/> throw. Stored lists (the run's assets,
/// an asset's pairs) live in a dictionary standing in for their blobs. Every activity input and
/// output is measured as the Durable SDK serializes it (<see cref="LargestPayload"/>).
/// </summary>
internal sealed class FakeAssetActivities
{
    public int PairsPerYear { get; init; } = 5;
    public int[] Years { get; init; } = [2020, 2021, 2022];
    public bool FromSlc { get; init; }
    public HashSet<string> Rejected { get; init; } = [];
    public HashSet<string> Failing { get; init; } = [];
    public HashSet<string> FailingAssets { get; init; } = [];

    /// <summary>Assets whose discovery times out on every attempt: a poison input whose failure looks transient.</summary>
    public HashSet<string> TimingOutAssets { get; init; } = [];

    /// <summary>Every discovery attempt, by asset.</summary>
    public ConcurrentQueue<string> Discoveries { get; } = new();

    /// <summary>The input container's assets, as ListAssetsActivity would find them.</summary>
    public IReadOnlyList<string> Assets { get; init; } = ["a1", "a2"];

    /// <summary>Pairs per year of an asset; <see cref="PairsPerYear"/> unless said otherwise.</summary>
    public Func<string, int>? PairsPerYearOf { get; init; }

    /// <summary>Pair id of pair i of year y (short by default; tests of payload size use the real yyyyMMdd_yyyyMMdd length).</summary>
    public Func<int, int, string> PairIdOf { get; init; } = (y, i) => $"{y}-p{i}";

    /// <summary>Input raster of an asset's pair (a HyP3 product zip name by default: as long as real ones).</summary>
    public Func<string, int, int, string> InputBlobOf { get; init; } =
        (asset, y, i) => $"{asset}/pairs/S1AA_{y}0101T000000_{y}0113T000000_VVP{i:D3}_INT80_G_ueF_4D09.zip";

    /// <summary>Pixels of the stack's grid stable statistics report (0: unknown, one NDAI pair a call).</summary>
    public long GridPixels { get; init; }

    /// <summary>NDAI calls that took several pairs, by their pair ids in order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> NdaiBatches { get; } = new();

    /// <summary>Annual-mean calls of several years, by their years in order.</summary>
    public ConcurrentQueue<IReadOnlyList<int>> AnnualBatches { get; } = new();

    /// <summary>Every annual-mean call of several years throws, on every attempt (a corrupt raster: not retried).</summary>
    public bool AnnualBatchFails { get; init; }

    /// <summary>Assets whose one call (<see cref="AssetCallActivity"/>) fails, after discovery: the run goes on a stage a call.</summary>
    public HashSet<string> OneCallFails { get; init; } = [];

    /// <summary>Assets the one call finished, each with the Runs row it filed.</summary>
    public ConcurrentQueue<AssetOutcome> OneCallRecords { get; } = new();

    /// <summary>What the asset's areas activity was given (its years' pair counts and annual means, in year order).</summary>
    public ConcurrentQueue<AssetAreaTask> Areas { get; } = new();

    /// <summary>Pairs whose first N NDAI attempts time out (a transient failure) before one succeeds.</summary>
    public Dictionary<string, int> TimingOut { get; init; } = [];

    /// <summary>
    /// When set and it answers an outcome for an asset, that asset's orchestration returns it at once
    /// instead of running the real <see cref="AssetOrchestrator"/> (for runs of thousands of assets
    /// where only the refresh's side is under test).
    /// </summary>
    public Func<AssetRunRequest, AssetOutcome?>? AssetShortcut { get; init; }

    /// <summary>The run-level estimate throws: the refresh itself fails.</summary>
    public bool EstimateFails { get; init; }

    public ConcurrentDictionary<string, int> Calls { get; } = new();
    public ConcurrentQueue<string> NdaiPairs { get; } = new();
    public ConcurrentQueue<RunEstimateTask> Estimates { get; } = new();
    public ConcurrentQueue<RunRecord> Records { get; } = new();
    public ConcurrentDictionary<string, object> Blobs { get; } = new();
    public ConcurrentQueue<AssetStableCall> StableCalls { get; } = new();

    /// <summary>The largest activity input or output seen, in bytes of the SDK's JSON, and what it was.</summary>
    public (int Bytes, string What) LargestPayload => _largest;
    private (int Bytes, string What) _largest;
    private readonly Lock _sizes = new();
    private int _inFlight;
    public int MaxInFlight;

    public void Register(DurableTaskRegistry r)
    {
        r.AddOrchestrator<RefreshOrchestrator>();
        r.AddOrchestrator<RefreshChunkOrchestrator>();
        if (AssetShortcut is null) r.AddOrchestrator<AssetOrchestrator>();
        else r.AddOrchestratorFunc<AssetRunRequest, AssetOutcome>(nameof(AssetOrchestrator), (context, request) =>
            AssetShortcut(request) is { } outcome ? Task.FromResult(outcome) : new AssetOrchestrator().RunAsync(context, request));
        r.AddOrchestrator<PairChunkOrchestrator>();
        Add<AssetSelection, AssetList>(r, nameof(ListAssetsActivity), s =>
        {
            IReadOnlyList<string> ids = s.AssetIds.Count > 0 ? s.AssetIds : Assets;
            var blob = $"runs/{s.RunId}/assets.json";
            Blobs[blob] = ids.Order(StringComparer.Ordinal).ToList();
            return new AssetList(blob, ids.Count, s.Settings.AssetChunkSize);
        });
        Add<AssetChunkTask, IReadOnlyList<string>>(r, nameof(AssetChunkActivity), t =>
            ((List<string>)Blobs[t.AssetList.Blob]).Skip(t.Index * t.AssetList.ChunkSize).Take(t.AssetList.ChunkSize).ToList());
        Add<AssetScope, AssetInventory>(r, nameof(DiscoverAssetActivity), Discover);
        Add<AssetCallTask, AssetCallResult>(r, nameof(AssetCallActivity), OneCall);
        Add<PairPageTask, PairPage>(r, nameof(PairPageActivity), t => PairPage.Take((List<PairWork>)Blobs[t.PairsBlob], t.Offset, SizeOf));
        AddAsync<PairTask, CoherenceOutcome>(r, nameof(CoherenceActivity), async t =>
        {
            await TrackAsync();
            return new CoherenceOutcome(t.Pair.PairId, true, 0, null);
        });
        Add<StableTask, StableSummary>(r, nameof(StableStatisticsActivity), Stable);
        AddAsync<PairTask, PairOutcome>(r, nameof(NdaiActivity), async t =>
        {
            await TrackAsync();
            return Ndai(t.Pair);
        });
        AddAsync<PairBatchTask, IReadOnlyList<PairOutcome>>(r, nameof(NdaiBatchActivity), async t =>
        {
            await TrackAsync();
            NdaiBatches.Enqueue([.. t.Pairs.Select(p => p.PairId)]);
            return [.. t.Pairs.Select(Ndai)];
        });
        Add<AnnualTask, AnnualOutcome>(r, nameof(AnnualMeanActivity), t => Annual(t.Year, t.PairIds));
        Add<AnnualBatchTask, IReadOnlyList<AnnualOutcome>>(r, nameof(AnnualMeanBatchActivity), t =>
        {
            AnnualBatches.Enqueue([.. t.Years.Select(y => y.Year)]);
            if (AnnualBatchFails) throw new InvalidDataException("an NDAI raster is corrupt");
            return [.. t.Years.Select(y => Annual(y.Year, y.PairIds))];
        });
        Add<WindowTask, WindowOutcome>(r, nameof(CompositeActivity), t => new WindowOutcome(t.FirstYear, [1, 2, 3, 4, 5, 6, 7, 8], 100, "hsv"));
        Add<AssetAreaTask, int>(r, nameof(AssetAreaActivity), t =>
        {
            Areas.Enqueue(t);
            return t.Windows.Count;
        });
        Add<RunEstimateTask, RunEstimateOutcome>(r, nameof(RunEstimateActivity), t =>
        {
            Estimates.Enqueue(t);
            if (EstimateFails) throw new InvalidOperationException("the emission factor table is empty");
            return new RunEstimateOutcome(t.SucceededAssets * 3, 2, 0, []);
        });
        Add<RunRecord, int>(r, nameof(RecordRunActivity), t =>
        {
            Records.Enqueue(t);
            return t.Assets.Count;
        });
    }

    /// <summary>Discovery's double: the asset's pairs, stored as a list (or the asset's failure).</summary>
    private AssetInventory Discover(AssetScope s)
    {
        Discoveries.Enqueue(s.AssetId);
        if (FailingAssets.Contains(s.AssetId)) throw new InvalidOperationException($"asset {s.AssetId} is unreadable");
        if (TimingOutAssets.Contains(s.AssetId)) throw new TimeoutException($"reading asset {s.AssetId} timed out");
        var perYear = PairsPerYearOf?.Invoke(s.AssetId) ?? PairsPerYear;
        var pairs = Years.SelectMany(y => Enumerable.Range(0, perYear).Select(i =>
            new PairWork(PairIdOf(y, i), new DateOnly(y, 1, 1).AddDays(12 * i), new DateOnly(y, 1, 13).AddDays(12 * i), y, FromSlc,
                FromSlc ? null : InputBlobOf(s.AssetId, y, i), 121.5, "catalogue", FromSlc ? null : new PairProduct(InputBlobOf(s.AssetId, y, i)[(s.AssetId.Length + 7)..^4], "20x4", 80)))).ToList();
        var blob = $"{s.AssetId}/runs/{s.RunId}_pairs.json";
        Blobs[blob] = pairs;
        return new AssetInventory(s.AssetId, pairs.Count, 1, blob, PairPage.Take(pairs, 0, SizeOf));
    }

    /// <summary>Stable statistics' double: every pair of the list but those left out, on a grid of <see cref="GridPixels"/>.</summary>
    private StableSummary Stable(StableTask t)
    {
        var pairs = ((List<PairWork>)Blobs[t.PairsBlob]).Where(p => !t.LeftOut.Contains(p.PairId)).ToList();
        StableCalls.Enqueue(new AssetStableCall(t.Scope.AssetId, pairs.Count));
        return new StableSummary(100, 1000, pairs.Count) { GridPixels = GridPixels };
    }

    /// <summary>
    /// <see cref="AssetCallActivity"/>'s double, deciding as the real one does: discovery, then (not SLC) stable points, then
    /// for an asset that fits <see cref="PipelineSettings.AssetCallPixels"/> a succeeded outcome with its Runs row filed
    /// (<see cref="OneCallRecords"/>) in place of the stages; an asset of <see cref="OneCallFails"/> throws after discovery.
    /// </summary>
    private AssetCallResult OneCall(AssetCallTask t)
    {
        var inventory = Discover(t.Scope);
        if (OneCallFails.Contains(t.Scope.AssetId)) throw new InvalidDataException($"a raster of {t.Scope.AssetId} is corrupt");
        var pairs = (List<PairWork>)Blobs[inventory.PairsBlob];
        if (pairs.Any(p => p.FromSlc)) return new AssetCallResult(null, inventory, null);
        var stable = Stable(new StableTask(t.Scope, inventory.PairsBlob, []));
        if (!AssetCallResult.Fits(t.Scope.Settings, stable.GridPixels, pairs.Count))
            return new AssetCallResult(null, inventory with { FirstPage = new PairPage(0, []) }, stable);
        var outcome = new AssetOutcome(t.Scope.AssetId, AssetOutcome.Succeeded, pairs.Count, 0, null);
        OneCallRecords.Enqueue(outcome);
        return new AssetCallResult(outcome, null, null);
    }

    /// <summary>One year's annual-mean double: its pair count, and a spatial mean that names the year (2020 → 0.2020).</summary>
    private static AnnualOutcome Annual(int year, IReadOnlyList<string> pairIds) => new(year, pairIds.Count, 1000, year / 10_000.0);

    /// <summary>One pair's NDAI double: a failing pair throws (and fails the whole call it is in), a timing-out one times out.</summary>
    private PairOutcome Ndai(PairWork pair)
    {
        NdaiPairs.Enqueue(pair.PairId);
        if (Failing.Contains(pair.PairId)) throw new InvalidDataException($"pair {pair.PairId} is corrupt");
        if (NdaiPairs.Count(p => p == pair.PairId) <= TimingOut.GetValueOrDefault(pair.PairId))
            throw new TimeoutException($"reading pair {pair.PairId} timed out");
        var accepted = !Rejected.Contains(pair.PairId);
        return new PairOutcome(pair.PairId, pair.Year, accepted, accepted ? "accepted" : "stable mean 0.41 < 0.8", 0.9, 0.05, false);
    }

    private static int SizeOf(PairWork pair) => Size(pair);

    private static int Size<T>(T value) => System.Text.Encoding.UTF8.GetByteCount(JsonDataConverter.Default.Serialize(value) ?? "");

    private void Measure<T>(T value, string what)
    {
        var bytes = Size(value);
        lock (_sizes)
        {
            if (bytes > _largest.Bytes) _largest = (bytes, what);
        }
    }

    private void Add<TIn, TOut>(DurableTaskRegistry r, string name, Func<TIn, TOut> run) =>
        AddAsync<TIn, TOut>(r, name, t => Task.FromResult(run(t)));

    /// <summary>Registers an activity double that counts its calls and measures its input and output.</summary>
    private void AddAsync<TIn, TOut>(DurableTaskRegistry r, string name, Func<TIn, Task<TOut>> run) =>
        r.AddActivityFunc<TIn, TOut>(name, async (_, input) =>
        {
            Measure(input, name + " input");
            var output = await run(input);
            Measure(output, name + " output");
            return Count(name, output);
        });

    private T Count<T>(string name, T result)
    {
        Calls.AddOrUpdate(name, 1, (_, n) => n + 1);
        return result;
    }

    private async Task TrackAsync()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref MaxInFlight)) && Interlocked.CompareExchange(ref MaxInFlight, now, seen) != seen) { }
        await Task.Delay(20);
        Interlocked.Decrement(ref _inFlight);
    }
}

/// <summary>Which asset stable statistics ran for, over how many pairs.</summary>
internal sealed record AssetStableCall(string AssetId, int Pairs);
