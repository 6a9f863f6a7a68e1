using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// The stages of an asset after stable points, as calls: <see cref="OrchestratedStages"/> makes each an activity call of the
/// asset's orchestration; <c>AssetTailActivity</c> runs them in its own call for a small asset (<see cref="AssetTailTask.Fits"/>).
/// </summary>
internal interface IAssetStages
{
    /// <summary>Screening and NDAI of <paramref name="pairs"/> (METHOD.md §1.3–1.4); outcomes in pair order, a failed pair as a failed outcome.</summary>
    Task<IReadOnlyList<PairOutcome>> NdaiAsync(IReadOnlyList<PairWork> pairs, long gridPixels, Action<int> onDone);

    Task CommitAsync(NdaiCommitTask task);

    /// <summary>The annual mean of every year, in year order (METHOD.md §1.4).</summary>
    Task<IReadOnlyList<AnnualOutcome>> AnnualMeansAsync(IReadOnlyList<AnnualYear> years, long gridPixels);

    /// <summary>Composite, classes and counts of each 3-year window (METHOD.md §1.5), in the order given.</summary>
    Task<IReadOnlyList<WindowOutcome>> CompositesAsync(IReadOnlyList<int> firstYears);

    Task AreaAsync(AssetAreaTask task);

    void Report(string stage, int pairsDone, int pairsTotal);
}

/// <summary>
/// An asset from its stable summary to its outcome (METHOD.md §1.4–1.6), written once for both ways of running it
/// (<see cref="IAssetStages"/>), so that one call and one call a stage cannot drift apart: they decide from the same
/// outcomes in the same order, and every product and row comes from the same activity code.
/// </summary>
internal static class AssetFlow
{
    public static async Task<AssetOutcome> RunAsync(IAssetStages stages, AssetScope scope, IReadOnlyList<PairWork> pairs, int total, StableSummary stable)
    {
        // A pair stable statistics could not read is a recorded failure; the rest of the stack goes on.
        var unreadable = (stable.Unreadable ?? []).ToDictionary(u => u.PairId, u => u.Reason, StringComparer.Ordinal);
        // An incremental refresh keeps the outcomes the stable stage found still valid (PairReuse) and computes the rest.
        var kept = AssetOrchestrator.KeptOutcomes(pairs, stable.Reuse);
        var readable = pairs.Where(p => !unreadable.ContainsKey(p.PairId) && !kept.ContainsKey(p.PairId)).ToList();

        var outcomes = (await stages.NdaiAsync(readable, stable.GridPixels, done => stages.Report("ndai", kept.Count + done, total))).ToList();
        outcomes.AddRange(kept.Values);
        outcomes.AddRange(pairs.Where(p => unreadable.ContainsKey(p.PairId))
            .Select(p => new PairOutcome(p.PairId, p.Year, false, unreadable[p.PairId], double.NaN, double.NaN, Failed: true)));
        var failedIds = outcomes.Where(o => o.Failed).Select(o => o.PairId).ToList();
        if (stable is { Generation: { } generation, MaskSha256: { } maskSha } && failedIds.Count <= NdaiCommitTask.MaxFailed)
            await stages.CommitAsync(new NdaiCommitTask(scope, generation, maskSha, failedIds));

        var rejected = total - outcomes.Count(o => o.Accepted);
        if (stable.StablePixels == 0)
            return Failed(scope, total, rejected, "no stable pixels in the stack: every pair rejected");

        var years = outcomes.Where(o => o.Accepted).GroupBy(o => o.Year).OrderBy(g => g.Key).ToList();
        stages.Report("annual means", total, total);
        var annual = await stages.AnnualMeansAsync(
            [.. years.Select(g => new AnnualYear(g.Key, [.. g.Select(o => o.PairId).OrderBy(id => id, StringComparer.Ordinal)]))], stable.GridPixels);

        // A composite needs three consecutive years (R, G, B = first, second, third: METHOD.md §1.5).
        var withData = annual.Where(a => a.Pairs > 0).Select(a => a.Year).ToHashSet();
        var windows = withData.Where(y => withData.Contains(y + 1) && withData.Contains(y + 2)).Order().ToList();
        if (windows.Count == 0)
            return Failed(scope, total, rejected, $"no three consecutive years with accepted pairs (years: {string.Join(", ", withData.Order())})");

        stages.Report("composites", total, total);
        var counted = await stages.CompositesAsync(windows);

        stages.Report("areas", total, total);
        var yearPairs = outcomes.GroupBy(o => o.Year).OrderBy(g => g.Key)
            .Select(g => new YearPairs(g.Key, g.Count(o => o.Accepted), g.Count(o => !o.Accepted), annual.FirstOrDefault(a => a.Year == g.Key)?.MeanNdai)).ToList();
        await stages.AreaAsync(new AssetAreaTask(scope, counted, yearPairs));

        return new AssetOutcome(scope.AssetId, AssetOutcome.Succeeded, total, rejected, AssetOrchestrator.FailedPairsNote(outcomes));
    }

    private static AssetOutcome Failed(AssetScope scope, int pairs, int rejected, string reason) =>
        new(scope.AssetId, AssetOutcome.Failed, pairs, rejected, reason);
}
