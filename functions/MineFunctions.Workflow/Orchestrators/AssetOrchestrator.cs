using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// One asset, end to end (METHOD.md §1): discover and select pairs → coherence per pair (SLC input
/// only) → stable points over the stack → screening and NDAI per pair → annual mean per year (all years in one
/// call for small rasters) →
/// composite, classes and counts per 3-year window → yearly areas. Pair work fans out with at most
/// <see cref="PipelineSettings.PairBatchSize"/> calls in flight (a sliding window); every activity call
/// retries transient failures (<see cref="ActivityRetry"/>); a pair that still fails is recorded and the asset goes on.
/// The pair list comes in pages and stable statistics read it from its blob, so no payload grows
/// past a page with the number of pairs (docs/SCALE.md).
/// An asset of more than <see cref="PairChunkTask.MaxPairs"/> pairs runs each pair stage chunk by
/// chunk in <see cref="PairChunkOrchestrator"/> sub-orchestrations, so its history stays bounded too.
/// An incremental refresh computes NDAI only for the pairs whose stored outcome the stable stage could not
/// keep (<see cref="StableSummary.Reuse"/>), then commits the stage (<see cref="NdaiCommitActivity"/>).
/// Only coordination here (ARCHITECTURE.md convention 1): every computation is in an activity.
/// </summary>
public sealed class AssetOrchestrator : TaskOrchestrator<AssetRunRequest, AssetOutcome>
{
    public override async Task<AssetOutcome> RunAsync(TaskOrchestrationContext context, AssetRunRequest input)
    {
        var scope = new AssetScope(input.RunId, input.AssetId, input.Settings);
        var progress = new AssetProgress(context, input.AssetId);

        progress.Report("discover", 0, 0);
        var inventory = await context.CallActivityAsync<AssetInventory>(nameof(DiscoverAssetActivity), scope, ActivityRetry.Options);
        var total = inventory.PairCount;
        if (total == 0)
            return progress.Fail(0, inventory.ExcludedCount, $"no usable pair ({inventory.ExcludedCount} excluded)");
        var pairs = await ReadPairsAsync(context, inventory);
        var leftOut = new List<string>();

        // Coherence first when the input is SLC: a pair whose coherence fails leaves the stack.
        if (pairs.Any(p => p.FromSlc))
        {
            var coherence = await PairStages.RunAsync(context, scope, PairChunkTask.Coherence, pairs, r => r.Coherence,
                done => progress.Report("coherence", done, total));
            var failed = coherence.Where(c => !c.Succeeded).Select(c => c.PairId).ToHashSet(StringComparer.Ordinal);
            pairs = pairs.Where(p => !failed.Contains(p.PairId)).ToList();
            leftOut.AddRange(failed.Order(StringComparer.Ordinal));
        }

        progress.Report("stable points", 0, total);
        var stable = await context.CallActivityAsync<StableSummary>(nameof(StableStatisticsActivity), new StableTask(scope, inventory.PairsBlob, leftOut), ActivityRetry.Options);
        // A pair stable statistics could not read is a recorded failure; the rest of the stack goes on.
        var unreadable = (stable.Unreadable ?? []).ToDictionary(u => u.PairId, u => u.Reason, StringComparer.Ordinal);
        // An incremental refresh keeps the outcomes the stable stage found still valid (PairReuse) and computes the rest.
        var kept = KeptOutcomes(pairs, stable.Reuse);
        var readable = pairs.Where(p => !unreadable.ContainsKey(p.PairId) && !kept.ContainsKey(p.PairId)).ToList();

        var outcomes = (await PairStages.RunAsync(context, scope, PairChunkTask.Ndai, readable, r => r.Ndai,
            done => progress.Report("ndai", kept.Count + done, total), PairChunkTask.NdaiPairsPerCall(scope.Settings, stable.GridPixels))).ToList();
        outcomes.AddRange(kept.Values);
        outcomes.AddRange(pairs.Where(p => unreadable.ContainsKey(p.PairId))
            .Select(p => new PairOutcome(p.PairId, p.Year, false, unreadable[p.PairId], double.NaN, double.NaN, Failed: true)));
        var failedIds = outcomes.Where(o => o.Failed).Select(o => o.PairId).ToList();
        if (stable is { Generation: { } generation, MaskSha256: { } maskSha } && failedIds.Count <= NdaiCommitTask.MaxFailed)
            await context.CallActivityAsync<bool>(nameof(NdaiCommitActivity), new NdaiCommitTask(scope, generation, maskSha, failedIds), ActivityRetry.Options);

        var rejected = total - outcomes.Count(o => o.Accepted);
        if (stable.StablePixels == 0)
            return progress.Fail(total, rejected, "no stable pixels in the stack: every pair rejected");

        var years = outcomes.Where(o => o.Accepted).GroupBy(o => o.Year).OrderBy(g => g.Key).ToList();
        progress.Report("annual means", total, total);
        var annual = await AnnualMeansAsync(context, scope,
            [.. years.Select(g => new AnnualYear(g.Key, [.. g.Select(o => o.PairId).OrderBy(id => id, StringComparer.Ordinal)]))], stable.GridPixels);

        // A composite needs three consecutive years (R, G, B = first, second, third: METHOD.md §1.5).
        var withData = annual.Where(a => a.Pairs > 0).Select(a => a.Year).ToHashSet();
        var windows = withData.Where(y => withData.Contains(y + 1) && withData.Contains(y + 2)).Order().ToList();
        if (windows.Count == 0)
            return progress.Fail(total, rejected, $"no three consecutive years with accepted pairs (years: {string.Join(", ", withData.Order())})");

        progress.Report("composites", total, total);
        var counted = await Task.WhenAll(windows.Select(y => context.CallActivityAsync<WindowOutcome>(
            nameof(CompositeActivity), new WindowTask(scope, y), ActivityRetry.Options)));

        progress.Report("areas", total, total);
        var yearPairs = outcomes.GroupBy(o => o.Year).OrderBy(g => g.Key)
            .Select(g => new YearPairs(g.Key, g.Count(o => o.Accepted), g.Count(o => !o.Accepted), annual.FirstOrDefault(a => a.Year == g.Key)?.MeanNdai)).ToList();
        await context.CallActivityAsync(nameof(AssetAreaActivity), new AssetAreaTask(scope, counted, yearPairs), ActivityRetry.Options);

        var outcome = new AssetOutcome(input.AssetId, AssetOutcome.Succeeded, total, rejected, FailedPairsNote(outcomes));
        progress.Done(outcome);
        return outcome;
    }

    /// <summary>
    /// The annual mean of every year, in year order: all years in one call when their rasters are small
    /// (<see cref="AnnualBatchTask.Fits"/>), else one call a year, the calls at once. A call of all years that
    /// fails after its retries is run again one year a call, so a failure names its year as it would have without it.
    /// </summary>
    internal static async Task<AnnualOutcome[]> AnnualMeansAsync(TaskOrchestrationContext context, AssetScope scope, IReadOnlyList<AnnualYear> years, long gridPixels)
    {
        if (AnnualBatchTask.Fits(scope.Settings, gridPixels, years.Count, years.Sum(y => y.PairIds.Count)))
        {
            try
            {
                return [.. await context.CallActivityAsync<IReadOnlyList<AnnualOutcome>>(nameof(AnnualMeanBatchActivity), new AnnualBatchTask(scope, years), ActivityRetry.Options)];
            }
            catch (TaskFailedException)
            {
                // One year a call below.
            }
        }
        return await Task.WhenAll(years.Select(y => context.CallActivityAsync<AnnualOutcome>(
            nameof(AnnualMeanActivity), new AnnualTask(scope, y.Year, y.PairIds), ActivityRetry.Options)));
    }

    /// <summary>The outcomes an incremental refresh keeps, by pair id (<see cref="StableSummary.Reuse"/>: one character per pair of <paramref name="pairs"/>).</summary>
    internal static Dictionary<string, PairOutcome> KeptOutcomes(IReadOnlyList<PairWork> pairs, string? reuse)
    {
        var kept = new Dictionary<string, PairOutcome>(StringComparer.Ordinal);
        if (reuse is null) return kept;
        if (reuse.Length != pairs.Count)
            throw new InvalidOperationException($"The stable stage's reuse list has {reuse.Length} entries for {pairs.Count} pairs.");
        for (var i = 0; i < pairs.Count; i++)
        {
            if (reuse[i] is not (PairReuse.Accepted or PairReuse.Rejected)) continue;
            kept[pairs[i].PairId] = new PairOutcome(pairs[i].PairId, pairs[i].Year, reuse[i] == PairReuse.Accepted, "kept from the last run", double.NaN, double.NaN, false);
        }
        return kept;
    }

    /// <summary>The asset's selected pairs: the inventory's first page, then the rest page by page (each under the 45 KB spill size).</summary>
    private static async Task<List<PairWork>> ReadPairsAsync(TaskOrchestrationContext context, AssetInventory inventory)
    {
        var pairs = new List<PairWork>(inventory.FirstPage.Pairs);
        while (pairs.Count < inventory.PairCount)
        {
            var page = await context.CallActivityAsync<PairPage>(nameof(PairPageActivity), new PairPageTask(inventory.PairsBlob, pairs.Count), ActivityRetry.Options);
            if (page.Pairs.Count == 0)
                throw new InvalidOperationException($"{inventory.PairsBlob} ends after {pairs.Count} of its {inventory.PairCount} pairs.");
            pairs.AddRange(page.Pairs);
        }
        return pairs;
    }

    /// <summary>
    /// The run report's word on failed pairs of an asset that still succeeded: how many, and the first
    /// few with their file and reason (bounded, as it crosses the history); null when none failed.
    /// </summary>
    internal static string? FailedPairsNote(IReadOnlyList<PairOutcome> outcomes)
    {
        var failed = outcomes.Where(o => o.Failed).OrderBy(o => o.PairId, StringComparer.Ordinal).ToList();
        if (failed.Count == 0) return null;
        const int shown = 3;
        var more = failed.Count > shown ? $"; and {failed.Count - shown} more (see PairResults)" : "";
        return $"{failed.Count} of {outcomes.Count} pairs failed and were left out: {string.Join("; ", failed.Take(shown).Select(f => $"{f.PairId} {f.Reason}"))}{more}";
    }
}
