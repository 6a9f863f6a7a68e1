using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow;

/// <summary>
/// Every orchestrator and activity of the workflow, registered under its class name: the local
/// Durable Task engine (CLI) and the tests use this list; the Functions app has one [Function]
/// wrapper per entry, with the same name. Both hosts give the classes their storage with
/// <see cref="AddWorkflowStorage(IServiceCollection, PipelineStorage)"/>.
/// </summary>
public static class WorkflowRegistration
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(RefreshOrchestrator), typeof(RefreshChunkOrchestrator), typeof(AssetOrchestrator), typeof(PairChunkOrchestrator), typeof(AcquireAssetOrchestrator), typeof(MonthlyOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(ListAssetsActivity), typeof(AssetChunkActivity), typeof(DiscoverAssetActivity), typeof(PairPageActivity), typeof(CoherenceActivity), typeof(StableStatisticsActivity),
        typeof(NdaiActivity), typeof(NdaiBatchActivity), typeof(NdaiCommitActivity), typeof(AnnualMeanActivity), typeof(AnnualMeanBatchActivity), typeof(CompositeActivity), typeof(AssetAreaActivity), typeof(AssetCallActivity),
        typeof(RunEstimateActivity), typeof(RecordRunActivity),
        typeof(PlanAcquisitionActivity), typeof(Hyp3CreditsActivity), typeof(SubmitJobActivity), typeof(JobStatusActivity),
        typeof(DownloadProductActivity), typeof(RecordAcquisitionActivity),
    ];

    public static DurableTaskRegistry AddMineFunctionsWorkflow(this DurableTaskRegistry registry)
    {
        foreach (var t in Orchestrators) registry.AddOrchestrator(t);
        foreach (var t in Activities) registry.AddCountedActivity(t);
        return registry;
    }

    /// <summary>
    /// The run's storage for the workflow classes, in a host's services: <see cref="PipelineStorage"/> and, as the
    /// same instance, the <see cref="IProductStore"/> every activity of Activities/ takes (its only constructor;
    /// the unit tests pass an in-memory store).
    /// </summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, PipelineStorage storage) =>
        services.AddSingleton(storage).AddSingleton<IProductStore>(storage);

    /// <inheritdoc cref="AddWorkflowStorage(IServiceCollection, PipelineStorage)"/>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, Func<IServiceProvider, PipelineStorage> create) =>
        services.AddSingleton(create).AddSingleton<IProductStore>(sp => sp.GetRequiredService<PipelineStorage>());
}
