using Microsoft.DurableTask;
using MineFunctions.App.Durable;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Activities;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.App;

/// <summary>
/// One-line Functions wrappers of every orchestrator and activity class of MineFunctions.Workflow
/// (WorkflowRegistration), each named after its class so the same classes register unchanged on a
/// plain Durable Task worker (the CLI). A reflection test fails when a workflow class has no wrapper.
/// Raster activities run through the raster concurrency limiter (<see cref="ActivityInvoker.RunRasterAsync{TActivity,TInput,TOutput}"/>).
/// </summary>
public static class DurableFunctions
{
    [Function(nameof(RefreshOrchestrator))]
    public static Task<RefreshResult> RunRefreshOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RefreshOrchestrator().RunAsync(context, context.GetInput<RefreshRequest>()!);

    [Function(nameof(MonthlyOrchestrator))]
    public static Task<MonthlyResult> RunMonthlyOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new MonthlyOrchestrator().RunAsync(context, context.GetInput<MonthlyRequest>()!);

    [Function(nameof(RefreshChunkOrchestrator))]
    public static Task<ChunkResult> RunRefreshChunkOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RefreshChunkOrchestrator().RunAsync(context, context.GetInput<RefreshChunk>()!);

    [Function(nameof(AssetOrchestrator))]
    public static Task<AssetOutcome> RunAssetOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AssetOrchestrator().RunAsync(context, context.GetInput<AssetRunRequest>()!);

    [Function(nameof(PairChunkOrchestrator))]
    public static Task<PairChunkResult> RunPairChunkOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PairChunkOrchestrator().RunAsync(context, context.GetInput<PairChunkTask>()!);

    [Function(nameof(ListAssetsActivity))]
    public static Task<AssetList> RunListAssetsActivityAsync([ActivityTrigger] AssetSelection input, FunctionContext context) =>
        ActivityInvoker.RunAsync<ListAssetsActivity, AssetSelection, AssetList>(input, context);

    [Function(nameof(AssetChunkActivity))]
    public static Task<IReadOnlyList<string>> RunAssetChunkActivityAsync([ActivityTrigger] AssetChunkTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<AssetChunkActivity, AssetChunkTask, IReadOnlyList<string>>(input, context);

    [Function(nameof(PairPageActivity))]
    public static Task<PairPage> RunPairPageActivityAsync([ActivityTrigger] PairPageTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<PairPageActivity, PairPageTask, PairPage>(input, context);

    [Function(nameof(DiscoverAssetActivity))]
    public static Task<AssetInventory> RunDiscoverAssetActivityAsync([ActivityTrigger] AssetScope input, FunctionContext context) =>
        ActivityInvoker.RunAsync<DiscoverAssetActivity, AssetScope, AssetInventory>(input, context);

    [Function(nameof(CoherenceActivity))]
    public static Task<CoherenceOutcome> RunCoherenceActivityAsync([ActivityTrigger] PairTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<CoherenceActivity, PairTask, CoherenceOutcome>(input, context);

    [Function(nameof(StableStatisticsActivity))]
    public static Task<StableSummary> RunStableStatisticsActivityAsync([ActivityTrigger] StableTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<StableStatisticsActivity, StableTask, StableSummary>(input, context);

    [Function(nameof(NdaiActivity))]
    public static Task<PairOutcome> RunNdaiActivityAsync([ActivityTrigger] PairTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<NdaiActivity, PairTask, PairOutcome>(input, context);

    [Function(nameof(NdaiBatchActivity))]
    public static Task<IReadOnlyList<PairOutcome>> RunNdaiBatchActivityAsync([ActivityTrigger] PairBatchTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<NdaiBatchActivity, PairBatchTask, IReadOnlyList<PairOutcome>>(input, context);

    [Function(nameof(NdaiCommitActivity))]
    public static Task<bool> RunNdaiCommitActivityAsync([ActivityTrigger] NdaiCommitTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<NdaiCommitActivity, NdaiCommitTask, bool>(input, context);

    [Function(nameof(AnnualMeanActivity))]
    public static Task<AnnualOutcome> RunAnnualMeanActivityAsync([ActivityTrigger] AnnualTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<AnnualMeanActivity, AnnualTask, AnnualOutcome>(input, context);

    [Function(nameof(AnnualMeanBatchActivity))]
    public static Task<IReadOnlyList<AnnualOutcome>> RunAnnualMeanBatchActivityAsync([ActivityTrigger] AnnualBatchTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<AnnualMeanBatchActivity, AnnualBatchTask, IReadOnlyList<AnnualOutcome>>(input, context);

    [Function(nameof(AssetCallActivity))]
    public static Task<AssetCallResult> RunAssetCallActivityAsync([ActivityTrigger] AssetCallTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<AssetCallActivity, AssetCallTask, AssetCallResult>(input, context);

    [Function(nameof(CompositeActivity))]
    public static Task<WindowOutcome> RunCompositeActivityAsync([ActivityTrigger] WindowTask input, FunctionContext context) =>
        ActivityInvoker.RunRasterAsync<CompositeActivity, WindowTask, WindowOutcome>(input, context);

    [Function(nameof(AssetAreaActivity))]
    public static Task<int> RunAssetAreaActivityAsync([ActivityTrigger] AssetAreaTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<AssetAreaActivity, AssetAreaTask, int>(input, context);

    [Function(nameof(RunEstimateActivity))]
    public static Task<RunEstimateOutcome> RunRunEstimateActivityAsync([ActivityTrigger] RunEstimateTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<RunEstimateActivity, RunEstimateTask, RunEstimateOutcome>(input, context);

    [Function(nameof(RecordRunActivity))]
    public static Task<int> RunRecordRunActivityAsync([ActivityTrigger] RunRecord input, FunctionContext context) =>
        ActivityInvoker.RunAsync<RecordRunActivity, RunRecord, int>(input, context);

    [Function(nameof(AcquireAssetOrchestrator))]
    public static Task<AcquireResult> RunAcquireAssetOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AcquireAssetOrchestrator().RunAsync(context, context.GetInput<AcquireRequest>()!);

    [Function(nameof(PlanAcquisitionActivity))]
    public static Task<AcquisitionPlan> RunPlanAcquisitionActivityAsync([ActivityTrigger] PlanTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<PlanAcquisitionActivity, PlanTask, AcquisitionPlan>(input, context);

    [Function(nameof(Hyp3CreditsActivity))]
    public static Task<CreditsAndNames> RunHyp3CreditsActivityAsync([ActivityTrigger] string input, FunctionContext context) =>
        ActivityInvoker.RunAsync<Hyp3CreditsActivity, string, CreditsAndNames>(input, context);

    [Function(nameof(SubmitJobActivity))]
    public static Task<SubmittedJob> RunSubmitJobActivityAsync([ActivityTrigger] SubmitTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<SubmitJobActivity, SubmitTask, SubmittedJob>(input, context);

    [Function(nameof(JobStatusActivity))]
    public static Task<IReadOnlyList<JobState>> RunJobStatusActivityAsync([ActivityTrigger] IReadOnlyList<string> input, FunctionContext context) =>
        ActivityInvoker.RunAsync<JobStatusActivity, IReadOnlyList<string>, IReadOnlyList<JobState>>(input, context);

    [Function(nameof(DownloadProductActivity))]
    public static Task<DownloadOutcome> RunDownloadProductActivityAsync([ActivityTrigger] DownloadTask input, FunctionContext context) =>
        ActivityInvoker.RunAsync<DownloadProductActivity, DownloadTask, DownloadOutcome>(input, context);

    [Function(nameof(RecordAcquisitionActivity))]
    public static Task<string> RunRecordAcquisitionActivityAsync([ActivityTrigger] AcquireResult input, FunctionContext context) =>
        ActivityInvoker.RunAsync<RecordAcquisitionActivity, AcquireResult, string>(input, context);
}
