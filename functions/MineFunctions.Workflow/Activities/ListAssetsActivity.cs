namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Fixes a run's asset list: the ids it names, or every asset folder of the input container (those
/// with an asset.json), sorted, stored as one blob. Only the blob's name and the counts go back, so
/// the answer is the same size for 10 assets or 10,000; the chunks read the ids from the blob.
/// </summary>
public sealed class ListAssetsActivity(IProductStore store) : TaskActivity<AssetSelection, AssetList>
{
    public override async Task<AssetList> RunAsync(TaskActivityContext context, AssetSelection input)
    {
        var ids = new List<string>();
        if (input.AssetIds.Count > 0) ids.AddRange(input.AssetIds.Select(AssetIds.Check).Distinct(StringComparer.Ordinal));
        else await foreach (var id in store.ListAssetIdsAsync(ActivityCancellation.Token)) ids.Add(id);
        ids.Sort(StringComparer.Ordinal);
        var blob = StorageLayout.RunAssets(input.RunId);
        await StoredLists.WriteAsync(store, blob, ids, ActivityCancellation.Token);
        return new AssetList(blob, ids.Count, input.Settings.AssetChunkSize);
    }
}
