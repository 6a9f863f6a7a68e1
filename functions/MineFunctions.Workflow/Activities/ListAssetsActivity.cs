using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>Every asset folder of the input container (those with an asset.json), sorted by id.</summary>
public sealed class ListAssetsActivity(IProductStore store) : TaskActivity<PipelineSettings, IReadOnlyList<string>>
{
    [ActivatorUtilitiesConstructor]
    public ListAssetsActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, PipelineSettings input)
    {
        var ids = new List<string>();
        await foreach (var id in store.ListAssetIdsAsync(ActivityCancellation.Token)) ids.Add(id);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
