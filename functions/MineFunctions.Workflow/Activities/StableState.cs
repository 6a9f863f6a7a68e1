using System.Text.Json;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The incremental refresh's two state blobs of an asset (docs/ARCHITECTURE.md): the stable stage's
/// <see cref="StableCheckpoint"/> and the NDAI stage's <see cref="NdaiCommit"/>. A blob that is missing
/// or not readable as one reads as null: the stage then starts over, never fails.
/// </summary>
internal static class StableState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<StableCheckpoint?> ReadCheckpointAsync(IProductStore store, string asset, string key)
    {
        var name = StorageLayout.StableState(asset, key);
        if (!await store.ExistsAsync(StoreArea.Products, name, ActivityCancellation.Token)) return null;
        return StableCheckpoint.FromBytes(await store.ReadAsync(StoreArea.Products, name, ActivityCancellation.Token));
    }

    public static Task WriteCommitAsync(IProductStore store, string asset, string key, NdaiCommit commit) =>
        store.WriteAsync(StorageLayout.NdaiState(asset, key), JsonSerializer.SerializeToUtf8Bytes(commit, Json), "application/json", ActivityCancellation.Token);

    public static async Task<NdaiCommit?> ReadCommitAsync(IProductStore store, string asset, string key)
    {
        var name = StorageLayout.NdaiState(asset, key);
        if (!await store.ExistsAsync(StoreArea.Products, name, ActivityCancellation.Token)) return null;
        try
        {
            var commit = JsonSerializer.Deserialize<NdaiCommit>(await store.ReadAsync(StoreArea.Products, name, ActivityCancellation.Token), Json);
            return commit is { Generation: not null, MaskSha256: not null, Failed: not null } ? commit : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
