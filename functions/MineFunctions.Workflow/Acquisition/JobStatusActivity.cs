using Microsoft.DurableTask;
using MineFunctions.Infrastructure.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// GET /jobs/{id} for every job in flight, in one activity so one poll adds one entry to the
/// history however many jobs there are: status, expiration and (once succeeded) the product zip's
/// URL. A job whose status cannot be read this time comes back with status "UNKNOWN" and the error.
/// </summary>
public sealed class JobStatusActivity(AcquisitionServices services) : TaskActivity<IReadOnlyList<string>, IReadOnlyList<JobState>>
{
    public const string Unknown = "UNKNOWN";

    public override async Task<IReadOnlyList<JobState>> RunAsync(TaskActivityContext context, IReadOnlyList<string> jobIds)
    {
        var states = new List<JobState>(jobIds.Count);
        foreach (var id in jobIds)
        {
            try
            {
                var job = await services.Hyp3.GetJobAsync(id);
                var zip = job.Files?.FirstOrDefault(f => f.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
                states.Add(new JobState(job.JobId, job.StatusCode, job.ExpirationTime, zip?.Url, zip?.FileName, job.Logs?.FirstOrDefault()));
            }
            catch (Exception ex) when (ex is Hyp3Exception or HttpRequestException or TaskCanceledException)
            {
                states.Add(new JobState(id, Unknown, null, null, null, ex.Message));
            }
        }
        return states;
    }
}
