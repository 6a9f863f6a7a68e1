using System.Globalization;
using Microsoft.DurableTask;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// Fetches one asset's new coherence pairs: plan (search → pairs → jobs, stored pairs skipped) →
/// credits (GET /user) → order each job, or adopt the job of the same name a previous run ordered,
/// while the credit budget lasts (a job that does not fit is recorded, not ordered) → monitor with
/// durable timers until every job has finished or the timeout passes, resubmitting a failed job up
/// to <see cref="AcquisitionSettings.MaxResubmits"/> times → download each product into
/// &lt;asset&gt;/pairs/ → record every job's fate with its reason. A dry run stops after the plan
/// (and the credits, when a token is set) and orders nothing.
/// </summary>
public sealed class AcquireAssetOrchestrator : TaskOrchestrator<AcquireRequest, AcquireResult>
{
    // Transient HTTP trouble is retried by Durable; each activity is idempotent, so a retry never orders twice.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    private sealed class Tracked(PlannedJob job)
    {
        public PlannedJob Job { get; } = job;
        public string? JobId { get; set; }
        public int Attempts { get; set; }
        public double Spent { get; set; }
        public string Status { get; set; } = PairStatus.Planned;
        public string? Blob { get; set; }
        public string? Reason { get; set; }
        public bool InFlight { get; set; }

        public PairRecord Record() => new(Job.PairKey, Job.Name, Status, Job.Cost, Attempts, JobId, Blob, Reason);
    }

    public override async Task<AcquireResult> RunAsync(TaskOrchestrationContext context, AcquireRequest input)
    {
        var settings = input.Settings.Validated();
        var plan = await context.CallActivityAsync<AcquisitionPlan>(nameof(PlanAcquisitionActivity),
            new PlanTask(input.AssetId, input.Since, settings, context.CurrentUtcDateTime), Retry);
        var tracked = plan.Jobs.Select(j => new Tracked(j)).ToList();
        Progress(context, "planned", tracked);

        if (input.DryRun) return await FinishAsync(context, input, plan, null, tracked, record: false);

        var credits = await context.CallActivityAsync<CreditsAndNames>(nameof(Hyp3CreditsActivity), input.AssetId, Retry);
        var budget = Math.Min(credits.RemainingCredits ?? double.PositiveInfinity, settings.CreditBudget ?? double.PositiveInfinity);
        var ordered = credits.AssetJobNames.ToHashSet(StringComparer.Ordinal);

        foreach (var t in tracked)
        {
            var known = ordered.Contains(t.Job.Name);
            if (!known && t.Job.Cost > budget)
            {
                t.Status = PairStatus.SkippedCredits;
                t.Reason = Invariant($"needs {t.Job.Cost:0.##} credits, {budget:0.##} left of this run's budget");
                continue;
            }
            var sub = await context.CallActivityAsync<SubmittedJob>(nameof(SubmitJobActivity), new SubmitTask(t.Job, 1), Retry);
            if (sub.Ordered)
            {
                budget -= t.Job.Cost;
                t.Spent += t.Job.Cost;
            }
            (t.JobId, t.Attempts, t.InFlight) = (sub.JobId, sub.Attempts, true);
        }
        Progress(context, "ordered", tracked);

        // One status poll per interval until the timeout: a bounded loop, one timer and one activity per round.
        var deadline = context.CurrentUtcDateTime + settings.Timeout;
        var rounds = (int)Math.Ceiling(settings.Timeout / settings.PollInterval) + 1;
        for (var round = 0; round < rounds && tracked.Any(t => t.InFlight); round++)
        {
            var active = tracked.Where(t => t.InFlight).ToList();
            var states = await PollAsync(context, active);
            foreach (var (t, state) in active.Zip(states))
            {
                if (state.Status == JobStatusActivity.Unknown)
                {
                    t.Reason = "last status poll failed: " + state.Log;
                    continue;
                }
                if (Hyp3Status.IsActive(state.Status)) continue;
                if (state.Status == Hyp3Status.Succeeded)
                {
                    t.InFlight = false;
                    await IngestAsync(context, input, settings, t, state);
                }
                else if (t.Attempts <= settings.MaxResubmits && t.Job.Cost <= budget)
                {
                    var sub = await context.CallActivityAsync<SubmittedJob>(nameof(SubmitJobActivity), new SubmitTask(t.Job, t.Attempts + 1), Retry);
                    if (sub.Ordered)
                    {
                        budget -= t.Job.Cost;
                        t.Spent += t.Job.Cost;
                    }
                    (t.JobId, t.Attempts) = (sub.JobId, sub.Attempts);
                }
                else
                {
                    t.InFlight = false;
                    t.Status = PairStatus.Failed;
                    t.Reason = Invariant($"HyP3 job {state.JobId} FAILED on attempt {t.Attempts}")
                        + (t.Attempts <= settings.MaxResubmits ? Invariant($"; no credits left to resubmit ({budget:0.##})") : "; no resubmission left")
                        + (state.Log is null ? "" : $"; log: {state.Log}");
                }
            }
            Progress(context, "monitoring", tracked);
            if (!tracked.Any(t => t.InFlight) || context.CurrentUtcDateTime >= deadline) break;
            var next = context.CurrentUtcDateTime + settings.PollInterval;
            await context.CreateTimer(next < deadline ? next : deadline, CancellationToken.None);
        }
        foreach (var t in tracked.Where(t => t.InFlight))
        {
            t.InFlight = false;
            t.Status = PairStatus.TimedOut;
            t.Reason = Invariant($"still not finished after {settings.Timeout}; the next run adopts job {t.JobId} by its name");
        }
        return await FinishAsync(context, input, plan, credits.RemainingCredits, tracked, record: true);
    }

    private static async Task<IReadOnlyList<JobState>> PollAsync(TaskOrchestrationContext context, List<Tracked> active)
    {
        try
        {
            return await context.CallActivityAsync<IReadOnlyList<JobState>>(nameof(JobStatusActivity), active.Select(t => t.JobId!).ToList(), Retry);
        }
        catch (TaskFailedException ex)
        {
            // Polling failed as a whole (after retries): try again next round; the timeout bounds it.
            return active.Select(t => new JobState(t.JobId!, JobStatusActivity.Unknown, null, null, null, ex.FailureDetails.ErrorMessage)).ToList();
        }
    }

    private static async Task IngestAsync(TaskOrchestrationContext context, AcquireRequest input, AcquisitionSettings settings, Tracked t, JobState state)
    {
        if (state.Expiration is { } expires && expires <= context.CurrentUtcDateTime)
        {
            t.Status = PairStatus.Expired;
            t.Reason = Invariant($"product of job {state.JobId} expired {expires:yyyy-MM-dd HH:mm} UTC before it was downloaded");
            return;
        }
        try
        {
            var outcome = await context.CallActivityAsync<DownloadOutcome>(nameof(DownloadProductActivity), new DownloadTask(input.AssetId, t.Job, state, settings), Retry);
            t.Status = outcome.Stored ? PairStatus.Downloaded : PairStatus.RejectedBaseline;
            (t.Blob, t.Reason) = (outcome.Blob, outcome.Reason);
            if (!outcome.Stored && outcome.PerpendicularBaselineM is null) t.Status = PairStatus.Failed;
        }
        catch (TaskFailedException ex)
        {
            t.Status = PairStatus.Failed;
            t.Reason = "download failed: " + ex.FailureDetails.ErrorMessage;
        }
    }

    private static async Task<AcquireResult> FinishAsync(TaskOrchestrationContext context, AcquireRequest input, AcquisitionPlan plan, double? credits, List<Tracked> tracked, bool record)
    {
        var result = new AcquireResult(input.AssetId, input.DryRun, plan.SearchStart, plan.Scenes, credits, tracked.Sum(t => t.Spent),
            tracked.Select(t => t.Record()).ToList(), plan.Skipped);
        if (record) await context.CallActivityAsync<string>(nameof(RecordAcquisitionActivity), result, Retry);
        Progress(context, "done", tracked);
        return result;
    }

    private static void Progress(TaskOrchestrationContext context, string stage, List<Tracked> tracked) =>
        context.SetCustomStatus(new AcquireProgress(stage, tracked.Count, tracked.Count(t => t.InFlight),
            tracked.Count(t => t.Status == PairStatus.Downloaded), tracked.Count(t => t.Status == PairStatus.Failed)));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
