using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Workflow.Storage;

/// <summary>
/// One pair as the stable stage took it in: where its coherence was read, the blob's ETag then (null
/// when it did not exist), and why it could not be read (null when it was added to the statistics).
/// </summary>
public sealed record CheckpointPair(string PairId, string Blob, string? ETag, string? Unreadable);

/// <summary>
/// The stable stage's state after a run (docs/ARCHITECTURE.md, incremental refresh): the pairs it took in,
/// in order, the exact per-pixel statistics over the readable ones (<see cref="Core.Stable.PixelStatistics.Save"/>),
/// their grid, the SHA-256 of the stable mask they gave, and a <see cref="Generation"/> id (a hash of the rest,
/// <see cref="Of"/>) that <see cref="NdaiCommit"/> refers to. One blob, written in one upload, so a reader never sees half of it.
/// </summary>
public sealed record StableCheckpoint(string Generation, string MaskSha256, GridSpec Grid, IReadOnlyList<CheckpointPair> Pairs, byte[] State)
{
    private const string Magic = "MFSTABLE1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Header(string Generation, string MaskSha256, GridSpec Grid, IReadOnlyList<CheckpointPair> Pairs);

    /// <summary>How many of <paramref name="current"/>'s first pairs are this checkpoint's, read from the same blobs at the same versions; -1 when its pairs are not a prefix of them.</summary>
    public int PrefixOf(IReadOnlyList<CheckpointPair> current)
    {
        if (Pairs.Count > current.Count) return -1;
        for (var i = 0; i < Pairs.Count; i++)
        {
            var (was, now) = (Pairs[i], current[i]);
            if (was.PairId != now.PairId || was.Blob != now.Blob || was.ETag != now.ETag) return -1;
        }
        return Pairs.Count;
    }

    public byte[] ToBytes()
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(Generation, MaskSha256, Grid, Pairs), Json);
        var magic = Encoding.ASCII.GetBytes(Magic);
        var bytes = new byte[magic.Length + 4 + header.Length + State.Length];
        magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(magic.Length), header.Length);
        header.CopyTo(bytes, magic.Length + 4);
        State.CopyTo(bytes, magic.Length + 4 + header.Length);
        return bytes;
    }

    /// <summary>The checkpoint in <paramref name="bytes"/>; null when they are not one (another version, truncated): the stage then starts over.</summary>
    public static StableCheckpoint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        var magic = Encoding.ASCII.GetBytes(Magic);
        if (bytes.Length < magic.Length + 4 || !bytes[..magic.Length].SequenceEqual(magic)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[magic.Length..]);
        if (length <= 0 || length > bytes.Length - magic.Length - 4) return null;
        try
        {
            var header = JsonSerializer.Deserialize<Header>(bytes.Slice(magic.Length + 4, length), Json);
            if (header is null || header.Pairs is null || header.Grid is null) return null;
            return new StableCheckpoint(header.Generation, header.MaskSha256, header.Grid, header.Pairs, bytes[(magic.Length + 4 + length)..].ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The checkpoint of these pairs, mask and state, with its <see cref="Generation"/> a hash of them: the same
    /// stack gives the same bytes, so a re-run with nothing new writes nothing (ARCHITECTURE.md, idempotent writes),
    /// and a checkpoint of other content never carries the generation a commit names.
    /// </summary>
    public static StableCheckpoint Of(string maskSha256, GridSpec grid, IReadOnlyList<CheckpointPair> pairs, byte[] state)
    {
        var unnamed = new StableCheckpoint("", maskSha256, grid, pairs, state);
        return unnamed with { Generation = Convert.ToHexStringLower(SHA256.HashData(unnamed.ToBytes()))[..32] };
    }

    /// <summary>SHA-256 of a stable mask's bytes, lower-case hex.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> mask) => Convert.ToHexStringLower(SHA256.HashData(mask));
}

/// <summary>
/// The asset's NDAI stage finished for every pair of checkpoint <see cref="Generation"/> except
/// <see cref="Failed"/>, under the mask of hash <see cref="MaskSha256"/>: their PairResults rows and NDAI
/// rasters are this mask's. The next refresh reuses them when its mask hashes the same.
/// </summary>
public sealed record NdaiCommit(string Generation, string MaskSha256, IReadOnlyList<string> Failed);
