using Microsoft.DurableTask;
using MineFunctions.Core.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>GET /user: the credits left this month and the names of this asset's jobs (only those: a user's full list can be long).</summary>
public sealed class Hyp3CreditsActivity(AcquisitionServices services) : TaskActivity<string, CreditsAndNames>
{
    public override async Task<CreditsAndNames> RunAsync(TaskActivityContext context, string assetId)
    {
        var user = await services.Hyp3.GetUserAsync();
        var prefix = Hyp3JobPlanner.JobName(assetId, "");
        return new CreditsAndNames(user.RemainingCredits, user.JobNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
