using Microsoft.DurableTask;
using MineFunctions.Infrastructure.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// Orders a planned job, idempotently: it first lists the jobs of that name. A job still pending,
/// running, or succeeded with its product not yet expired, is adopted; if
/// <see cref="SubmitTask.Attempt"/> failed jobs of that name exist already (this attempt was
/// ordered before a crash or a retry), the newest is returned. Only otherwise is a job posted
/// (also when the only success has expired: its product is gone). So a replay, a retry or a
/// restart never orders twice.
/// </summary>
public sealed class SubmitJobActivity(AcquisitionServices services) : TaskActivity<SubmitTask, SubmittedJob>
{
    public override async Task<SubmittedJob> RunAsync(TaskActivityContext context, SubmitTask input)
    {
        var existing = await services.Hyp3.ListJobsAsync(input.Job.Name);
        var now = DateTimeOffset.UtcNow;
        var live = existing.LastOrDefault(j => Hyp3Status.IsActive(j.StatusCode) || (j.StatusCode == Hyp3Status.Succeeded && !(j.ExpirationTime <= now)));
        var failed = existing.Where(j => j.StatusCode == Hyp3Status.Failed).ToList();
        if (live is not null) return new SubmittedJob(live.JobId, live.StatusCode, false, failed.Count + 1);
        if (failed.Count >= input.Attempt) return new SubmittedJob(failed[^1].JobId, failed[^1].StatusCode, false, failed.Count);

        var posted = await services.Hyp3.SubmitAsync([input.Job]);
        var job = posted.Count == 1 ? posted[0] : throw new InvalidOperationException($"HyP3 accepted {posted.Count} jobs for one submitted.");
        return new SubmittedJob(job.JobId, job.StatusCode, true, failed.Count + 1);
    }
}
