using Microsoft.DurableTask;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>Every asset folder of the input container (those with an asset.json), sorted by id.</summary>
public sealed class ListAssetsActivity(PipelineStorage storage) : TaskActivity<PipelineSettings, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, PipelineSettings input)
    {
        var ids = new List<string>();
        await foreach (var id in storage.Inputs.ListAssetIdsAsync()) ids.Add(id);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
