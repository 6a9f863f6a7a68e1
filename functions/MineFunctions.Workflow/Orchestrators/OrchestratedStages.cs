using Microsoft.DurableTask;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// An asset's stages as activity calls of its orchestration, each retrying transient failures (<see cref="ActivityRetry"/>):
/// NDAI through the sliding window (<see cref="PairStages"/>), the years' annual means in one call when they fit, the
/// windows' composites at once. Progress goes to the orchestration's custom status.
/// </summary>
internal sealed class OrchestratedStages(TaskOrchestrationContext context, AssetScope scope, AssetProgress progress) : IAssetStages
{
    public Task<IReadOnlyList<PairOutcome>> NdaiAsync(IReadOnlyList<PairWork> pairs, long gridPixels, Action<int> onDone) =>
        PairStages.RunAsync(context, scope, PairChunkTask.Ndai, pairs, r => r.Ndai, onDone, PairChunkTask.NdaiPairsPerCall(scope.Settings, gridPixels));

    public Task CommitAsync(NdaiCommitTask task) => context.CallActivityAsync<bool>(nameof(NdaiCommitActivity), task, ActivityRetry.Options);

    /// <summary>
    /// All years in one call when their rasters are small (<see cref="AnnualBatchTask.Fits"/>), else one call a year, the
    /// calls at once. A call of all years that fails after its retries is run again one year a call, so a failure names
    /// its year as it would have without it.
    /// </summary>
    public async Task<IReadOnlyList<AnnualOutcome>> AnnualMeansAsync(IReadOnlyList<AnnualYear> years, long gridPixels)
    {
        if (AnnualBatchTask.Fits(scope.Settings, gridPixels, years.Count, years.Sum(y => y.PairIds.Count)))
        {
            try
            {
                return await context.CallActivityAsync<IReadOnlyList<AnnualOutcome>>(nameof(AnnualMeanBatchActivity), new AnnualBatchTask(scope, years), ActivityRetry.Options);
            }
            catch (TaskFailedException)
            {
                // One year a call below.
            }
        }
        return await Task.WhenAll(years.Select(y => context.CallActivityAsync<AnnualOutcome>(
            nameof(AnnualMeanActivity), new AnnualTask(scope, y.Year, y.PairIds), ActivityRetry.Options)));
    }

    public async Task<IReadOnlyList<WindowOutcome>> CompositesAsync(IReadOnlyList<int> firstYears) =>
        await Task.WhenAll(firstYears.Select(y => context.CallActivityAsync<WindowOutcome>(nameof(CompositeActivity), new WindowTask(scope, y), ActivityRetry.Options)));

    public Task AreaAsync(AssetAreaTask task) => context.CallActivityAsync(nameof(AssetAreaActivity), task, ActivityRetry.Options);

    public void Report(string stage, int pairsDone, int pairsTotal) => progress.Report(stage, pairsDone, pairsTotal);
}
