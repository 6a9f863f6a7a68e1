using Microsoft.DurableTask;
using MineFunctions.Infrastructure.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// Orders a planned job, idempotently: it first lists the jobs of that name. A job still pending,
/// running or succeeded is adopted; if <see cref="SubmitTask.Attempt"/> jobs of that name exist
/// already (this attempt was ordered before a crash or a retry), the newest is returned. Only
/// otherwise is a job posted. So a replay, a retry or a restart never orders twice.
/// </summary>
public sealed class SubmitJobActivity(AcquisitionServices services) : TaskActivity<SubmitTask, SubmittedJob>
{
    public override async Task<SubmittedJob> RunAsync(TaskActivityContext context, SubmitTask input)
    {
        var existing = await services.Hyp3.ListJobsAsync(input.Job.Name);
        var live = existing.LastOrDefault(j => j.StatusCode != Hyp3Status.Failed);
        if (live is not null) return new SubmittedJob(live.JobId, live.StatusCode, false, existing.Count);
        if (existing.Count >= input.Attempt) return new SubmittedJob(existing[^1].JobId, existing[^1].StatusCode, false, existing.Count);

        var posted = await services.Hyp3.SubmitAsync([input.Job]);
        var job = posted.Count == 1 ? posted[0] : throw new InvalidOperationException($"HyP3 accepted {posted.Count} jobs for one submitted.");
        return new SubmittedJob(job.JobId, job.StatusCode, true, existing.Count + 1);
    }
}
