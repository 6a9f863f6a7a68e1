using System.Security.Cryptography;
using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Stable masks this process decoded, by the stable raster's name and the SHA-256 of the bytes read. An asset run a pair a
/// call (<see cref="NdaiActivity"/>) needs its mask in every call, and the stable raster carries the time mean and std
/// beside it: 5.9 MB read at 1024² for a mask that compresses to almost nothing, 91 times for 91 pairs. A look at the
/// raster's properties (its content hash, written by this project's store) costs one small request instead; a mask is
/// used only when the hash of what was read then matches, so a raster rewritten since gives its new mask.
/// </summary>
internal static class StableMaskCache
{
    /// <summary>Mask pixels kept at most (a byte each): 64 masks of 1024², or one of 8192².</summary>
    internal const long MaxPixels = 64L << 20;

    /// <summary>Masks kept at most, whatever their size: a lookup walks the list.</summary>
    internal const int MaxEntries = 256;

    private static readonly Lock Gate = new();
    private static readonly LinkedList<Entry> Entries = new();
    private static long _pixels;

    private sealed record Entry(string Name, string Sha256, StableMask Mask, GridSpec Grid);

    public static async Task<(StableMask Mask, GridSpec Grid)> ReadAsync(IProductStore store, string asset, string key)
    {
        var ct = ActivityCancellation.Token;
        var name = StorageLayout.StablePoints(asset, key);
        // Missing (an earlier build's rasters) or without a hash (not written by this store): read as before.
        if (await store.GetAsync(StoreArea.Products, name, ct) is not { Sha256: { } listed }) return await NdaiActivity.ReadMaskAsync(store, asset, key);
        if (Find(name, listed) is { } kept) return (kept.Mask, kept.Grid);

        var bytes = await store.ReadAsync(StoreArea.Products, name, ct);
        var (band, grid) = RasterBlobs.Float32(bytes, name, store.ReadOptions);
        var mask = StableMask.FromArea(ActivityReads.MaskBytes(band));
        Add(new Entry(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), mask, grid));
        return (mask, grid);
    }

    private static Entry? Find(string name, string sha256)
    {
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Name != name || node.Value.Sha256 != sha256) continue;
                Entries.Remove(node);
                Entries.AddFirst(node);
                return node.Value;
            }
            return null;
        }
    }

    private static void Add(Entry entry)
    {
        lock (Gate)
        {
            // One entry a name: an older version of the raster is not asked for again.
            for (var node = Entries.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Name == entry.Name) Remove(node);
                node = next;
            }
            Entries.AddFirst(entry);
            _pixels += entry.Mask.Length;
            while ((_pixels > MaxPixels || Entries.Count > MaxEntries) && Entries.Last is { } oldest && oldest != Entries.First) Remove(oldest);
        }
    }

    private static void Remove(LinkedListNode<Entry> node)
    {
        Entries.Remove(node);
        _pixels -= node.Value.Mask.Length;
    }
}
