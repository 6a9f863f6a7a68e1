namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The annual means of several years of an asset with small rasters in one call (<see cref="AnnualBatchTask.Fits"/>):
/// each year exactly as <see cref="AnnualMeanActivity"/> computes and writes it, under one read of the stable mask and
/// mean. Years go one after another (each adds its pairs in pair order); a year's writes overlap the next year's reads.
/// Any failure fails the call, and the orchestrator then runs the years one a call.
/// </summary>
public sealed class AnnualMeanBatchActivity(IProductStore store) : TaskActivity<AnnualBatchTask, IReadOnlyList<AnnualOutcome>>
{
    public override async Task<IReadOnlyList<AnnualOutcome>> RunAsync(TaskActivityContext context, AnnualBatchTask input)
    {
        var outcomes = new List<AnnualOutcome>(input.Years.Count);
        var writes = new List<Task>(input.Years.Count);
        AnnualMeanActivity.Stack? stack = null;
        try
        {
            foreach (var year in input.Years)
            {
                if (year.PairIds.Count == 0)
                {
                    outcomes.Add(new AnnualOutcome(year.Year, 0, 0, null));
                    continue;
                }
                stack ??= await AnnualMeanActivity.StackAsync(store, input.Scope);
                var (outcome, written) = await AnnualMeanActivity.YearAsync(store, stack, year.Year, year.PairIds);
                outcomes.Add(outcome);
                writes.Add(written);
            }
        }
        finally
        {
            // Never leave a write running past the call, failed or not (a rerun then starts from stored state).
            foreach (var w in writes) await w.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await Task.WhenAll(writes);
        return outcomes;
    }
}
