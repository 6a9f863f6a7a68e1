using Microsoft.DurableTask;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow;

/// <summary>
/// Every orchestrator and activity of the workflow, registered under its class name: the local
/// Durable Task engine (CLI) and the tests use this list; the Functions app has one [Function]
/// wrapper per entry, with the same name.
/// </summary>
public static class WorkflowRegistration
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(RefreshOrchestrator), typeof(RefreshChunkOrchestrator), typeof(AssetOrchestrator), typeof(PairChunkOrchestrator), typeof(AcquireAssetOrchestrator), typeof(MonthlyOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(ListAssetsActivity), typeof(AssetChunkActivity), typeof(DiscoverAssetActivity), typeof(PairPageActivity), typeof(CoherenceActivity), typeof(StableStatisticsActivity),
        typeof(NdaiActivity), typeof(NdaiBatchActivity), typeof(NdaiCommitActivity), typeof(AnnualMeanActivity), typeof(CompositeActivity), typeof(AssetAreaActivity),
        typeof(RunEstimateActivity), typeof(RecordRunActivity),
        typeof(PlanAcquisitionActivity), typeof(Hyp3CreditsActivity), typeof(SubmitJobActivity), typeof(JobStatusActivity),
        typeof(DownloadProductActivity), typeof(RecordAcquisitionActivity),
    ];

    public static DurableTaskRegistry AddMineFunctionsWorkflow(this DurableTaskRegistry registry)
    {
        foreach (var t in Orchestrators) registry.AddOrchestrator(t);
        foreach (var t in Activities) registry.AddActivity(t);
        return registry;
    }
}
