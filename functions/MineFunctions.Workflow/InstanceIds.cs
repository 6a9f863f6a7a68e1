using System.Globalization;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow;

/// <summary>
/// Deterministic orchestration instance ids (ARCHITECTURE.md convention 4): the same trigger event
/// always maps to the same id, so a duplicate event finds the instance already there and starts nothing.
/// </summary>
public static class InstanceIds
{
    /// <summary>The monthly refresh: one per calendar month (UTC), e.g. "refresh-2026-11".</summary>
    public static string MonthlyRefresh(DateTimeOffset when) =>
        string.Create(CultureInfo.InvariantCulture, $"refresh-{when.UtcDateTime:yyyy-MM}");

    /// <summary>The monthly chain (acquisition, then the refresh <see cref="MonthlyRefresh"/>): one per calendar month (UTC), e.g. "monthly-2026-11".</summary>
    public static string Monthly(DateTimeOffset when) =>
        string.Create(CultureInfo.InvariantCulture, $"monthly-{when.UtcDateTime:yyyy-MM}");

    /// <summary>A reprocess of one asset caused by one blob version (its ETag or content hash).</summary>
    public static string AssetReprocess(string assetId, string blobVersion) =>
        $"asset-{assetId}-{ShortHash(blobVersion)}";

    /// <summary>The per-asset sub-orchestration of a run.</summary>
    public static string AssetInRun(string runId, string assetId) => $"{runId}:{assetId}";

    /// <summary>
    /// A chunk sub-orchestration of a run, e.g. "refresh-2026-11:chunk:0003". Asset ids never hold ':',
    /// so it cannot meet an <see cref="AssetInRun"/> id.
    /// </summary>
    public static string ChunkInRun(string runId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}:chunk:{index:D4}");

    /// <summary>First 16 hex digits of SHA-256 (<see cref="StorageLayout.ShortHash"/>, the hash of settings keys too).</summary>
    public static string ShortHash(string text) => StorageLayout.ShortHash(text);
}
