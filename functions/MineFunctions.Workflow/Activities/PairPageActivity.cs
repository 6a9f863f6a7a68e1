using Microsoft.DurableTask;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>One page of an asset's stored pair list (<see cref="AssetInventory.PairsBlob"/>), at most <see cref="PairPage.MaxBytes"/> of JSON.</summary>
public sealed class PairPageActivity(PipelineStorage storage) : TaskActivity<PairPageTask, PairPage>
{
    public override async Task<PairPage> RunAsync(TaskActivityContext context, PairPageTask input) =>
        PairPage.Take(await StoredLists.ReadAsync<PairWork>(storage.Products, input.PairsBlob), input.Offset, StoredLists.SizeOf);
}
