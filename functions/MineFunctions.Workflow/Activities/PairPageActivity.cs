namespace MineFunctions.Workflow.Activities;

/// <summary>One page of an asset's stored pair list (<see cref="AssetInventory.PairsBlob"/>), at most <see cref="PairPage.MaxBytes"/> of JSON.</summary>
public sealed class PairPageActivity(IProductStore store) : TaskActivity<PairPageTask, PairPage>
{
    public override async Task<PairPage> RunAsync(TaskActivityContext context, PairPageTask input) =>
        PairPage.Take(await StoredLists.ReadAsync<PairWork>(store, input.PairsBlob, ActivityCancellation.Token), input.Offset, StoredLists.SizeOf);
}
