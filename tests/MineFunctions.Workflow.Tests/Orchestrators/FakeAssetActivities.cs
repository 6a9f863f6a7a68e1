using System.Collections.Concurrent;
using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

/// <summary>
/// Activity doubles registered under the real activity names: the orchestrators are tested for
/// coordination (fan-out, batching, failure handling) on the real in-memory Durable engine, with
/// the pixel work replaced by records. Pair "p{i}" of year Y; pairs listed in <see cref="Rejected"/>
/// are rejected by screening and pairs in <see cref="Failing"/> throw.
/// </summary>
internal sealed class FakeAssetActivities
{
    public int PairsPerYear { get; init; } = 5;
    public int[] Years { get; init; } = [2020, 2021, 2022];
    public bool FromSlc { get; init; }
    public HashSet<string> Rejected { get; init; } = [];
    public HashSet<string> Failing { get; init; } = [];
    public HashSet<string> FailingAssets { get; init; } = [];

    /// <summary>Pairs whose first N NDAI attempts time out (a transient failure) before one succeeds.</summary>
    public Dictionary<string, int> TimingOut { get; init; } = [];

    /// <summary>The run-level estimate throws: the refresh itself fails.</summary>
    public bool EstimateFails { get; init; }

    public ConcurrentDictionary<string, int> Calls { get; } = new();
    public ConcurrentQueue<string> NdaiPairs { get; } = new();
    public ConcurrentQueue<RunEstimateTask> Estimates { get; } = new();
    public ConcurrentQueue<RunRecord> Records { get; } = new();
    private int _inFlight;
    public int MaxInFlight;

    public void Register(DurableTaskRegistry r)
    {
        r.AddOrchestrator<RefreshOrchestrator>();
        r.AddOrchestrator<AssetOrchestrator>();
        r.AddActivityFunc<PipelineSettings, IReadOnlyList<string>>(nameof(ListAssetsActivity), (_, _) => Count(nameof(ListAssetsActivity), (IReadOnlyList<string>)["a1", "a2"]));
        r.AddActivityFunc<AssetScope, AssetInventory>(nameof(DiscoverAssetActivity), (_, s) =>
        {
            if (FailingAssets.Contains(s.AssetId)) throw new InvalidOperationException($"asset {s.AssetId} is unreadable");
            var pairs = Years.SelectMany(y => Enumerable.Range(0, PairsPerYear).Select(i =>
                new PairWork($"{y}-p{i}", new DateOnly(y, 1, 1).AddDays(12 * i), new DateOnly(y, 1, 13).AddDays(12 * i), y, FromSlc, FromSlc ? null : $"a/pairs/{y}-{i}.tif"))).ToList();
            return Count(nameof(DiscoverAssetActivity), new AssetInventory(s.AssetId, pairs, [new PairExclusion("x", "36 d")]));
        });
        r.AddActivityFunc<PairTask, CoherenceOutcome>(nameof(CoherenceActivity), async (_, t) =>
        {
            await TrackAsync();
            return Count(nameof(CoherenceActivity), new CoherenceOutcome(t.Pair.PairId, true, 0, null));
        });
        r.AddActivityFunc<StableTask, StableSummary>(nameof(StableStatisticsActivity), (_, t) =>
            Count(nameof(StableStatisticsActivity), new StableSummary(100, 1000, t.Pairs.Count)));
        r.AddActivityFunc<PairTask, PairOutcome>(nameof(NdaiActivity), async (_, t) =>
        {
            await TrackAsync();
            NdaiPairs.Enqueue(t.Pair.PairId);
            if (Failing.Contains(t.Pair.PairId)) throw new InvalidDataException($"pair {t.Pair.PairId} is corrupt");
            if (NdaiPairs.Count(p => p == t.Pair.PairId) <= TimingOut.GetValueOrDefault(t.Pair.PairId))
                throw new TimeoutException($"reading pair {t.Pair.PairId} timed out");
            var accepted = !Rejected.Contains(t.Pair.PairId);
            return Count(nameof(NdaiActivity), new PairOutcome(t.Pair.PairId, t.Pair.Year, accepted, accepted ? "accepted" : "stable mean 0.41 < 0.8", 0.9, 0.05, false));
        });
        r.AddActivityFunc<AnnualTask, AnnualOutcome>(nameof(AnnualMeanActivity), (_, t) =>
            Count(nameof(AnnualMeanActivity), new AnnualOutcome(t.Year, t.PairIds.Count, 1000, 0.1)));
        r.AddActivityFunc<WindowTask, WindowOutcome>(nameof(CompositeActivity), (_, t) =>
            Count(nameof(CompositeActivity), new WindowOutcome(t.FirstYear, [1, 2, 3, 4, 5, 6, 7, 8], 100, "hsv")));
        r.AddActivityFunc<AssetAreaTask, int>(nameof(AssetAreaActivity), (_, t) => Count(nameof(AssetAreaActivity), t.Windows.Count));
        r.AddActivityFunc<RunEstimateTask, RunEstimateOutcome>(nameof(RunEstimateActivity), (_, t) =>
        {
            Estimates.Enqueue(t);
            if (EstimateFails) throw new InvalidOperationException("the emission factor table is empty");
            return Count(nameof(RunEstimateActivity), new RunEstimateOutcome(t.AssetIds.Count * 3, [], []));
        });
        r.AddActivityFunc<RunRecord, int>(nameof(RecordRunActivity), (_, t) =>
        {
            Records.Enqueue(t);
            return Count(nameof(RecordRunActivity), t.Assets.Count);
        });
    }

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
