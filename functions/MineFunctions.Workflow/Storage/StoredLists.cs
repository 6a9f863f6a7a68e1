using System.Text.Json;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// Lists that grow with a run (its asset ids, an asset's pairs) kept as JSON blobs in the products
/// container, so only their names and counts cross the Durable history (docs/SCALE.md, payloads).
/// </summary>
public static class StoredLists
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync<T>(IProductStore store, string blobName, IReadOnlyList<T> items, CancellationToken cancellationToken = default) =>
        store.WriteAsync(blobName, JsonSerializer.SerializeToUtf8Bytes(items, Json), "application/json", cancellationToken);

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(IProductStore store, string blobName, CancellationToken cancellationToken = default) =>
        JsonSerializer.Deserialize<List<T>>(await store.ReadAsync(StoreArea.Products, blobName, cancellationToken), Json)
        ?? throw new InvalidDataException($"The stored list '{blobName}' is empty.");

    /// <summary>Bytes of <paramref name="item"/> as JSON: what it adds to a payload.</summary>
    public static int SizeOf<T>(T item) => JsonSerializer.SerializeToUtf8Bytes(item, Json).Length;
}
