namespace MineFunctions.Workflow.Activities;

/// <summary>The asset ids of one chunk of a run's stored list (<see cref="AssetList"/>): at most its chunk size.</summary>
public sealed class AssetChunkActivity(IProductStore store) : TaskActivity<AssetChunkTask, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, AssetChunkTask input)
    {
        var list = input.AssetList;
        if (input.Index < 0 || input.Index >= list.Chunks)
            throw new ArgumentOutOfRangeException(nameof(input), $"Chunk {input.Index} is outside the {list.Chunks} chunks of {list.Blob}.");
        var ids = await StoredLists.ReadAsync<string>(store, list.Blob, ActivityCancellation.Token);
        if (ids.Count != list.Count)
            throw new InvalidDataException($"{list.Blob} holds {ids.Count} assets; the run listed {list.Count}.");
        return [.. ids.Skip(input.Index * list.ChunkSize).Take(list.ChunkSize)];
    }
}
