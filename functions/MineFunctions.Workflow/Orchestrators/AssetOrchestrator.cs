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
/// The stages after stable points are <see cref="AssetFlow"/>, a call each here (<see cref="OrchestratedStages"/>); a small asset
/// runs them all in one <see cref="AssetCallActivity"/> call instead, and comes here only when that call stopped part way
/// (<see cref="AssetRunRequest.Head"/>) or failed.
/// Only coordination here (ARCHITECTURE.md convention 1): every computation is in an activity.
/// </summary>
public sealed class AssetOrchestrator : TaskOrchestrator<AssetRunRequest, AssetOutcome>
{
    public override async Task<AssetOutcome> RunAsync(TaskOrchestrationContext context, AssetRunRequest input)
    {
        var scope = new AssetScope(input.RunId, input.AssetId, input.Settings);
        var progress = new AssetProgress(context);

        progress.Report("discover", 0, 0);
        // AssetCallActivity may have gone part of the way already (RefreshChunkOrchestrator): go on from there.
        var (inventory, stable) = (input.Head?.Inventory, input.Head?.Stable);
        inventory ??= await context.CallActivityAsync<AssetInventory>(nameof(DiscoverAssetActivity), scope, ActivityRetry.Options);
        var total = inventory.PairCount;
        if (total == 0)
        {
            var none = NoPairs(inventory);
            progress.Done(none);
            return none;
        }
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
        stable ??= await context.CallActivityAsync<StableSummary>(nameof(StableStatisticsActivity), new StableTask(scope, inventory.PairsBlob, leftOut), ActivityRetry.Options);
        var outcome = await AssetFlow.RunAsync(new OrchestratedStages(context, scope, progress), scope, pairs, total, stable);
        progress.Done(outcome);
        return outcome;
    }

    /// <summary>The outcome of an asset discovery found no usable pair in.</summary>
    internal static AssetOutcome NoPairs(AssetInventory inventory) =>
        new(inventory.AssetId, AssetOutcome.Failed, 0, inventory.ExcludedCount, $"no usable pair ({inventory.ExcludedCount} excluded)");

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
