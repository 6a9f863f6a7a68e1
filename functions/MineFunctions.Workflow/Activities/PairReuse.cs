namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Which pairs of an incremental refresh keep the NDAI outcome of the last run (docs/ARCHITECTURE.md).
/// A pair's screening and NDAI depend only on its coherence and the stable mask (METHOD.md §1.3–1.4), so
/// its PairResults row and NDAI raster stay valid when the pair was taken in, at the same blob version,
/// by the checkpoint this run extended; the NDAI stage of that checkpoint's run finished (<see cref="NdaiCommit"/>)
/// without failing on it; and the new mask hashes as that checkpoint's did. The row must also be the
/// one a fresh run would write (the pair's catalogue Bperp and product metadata unchanged), and an
/// accepted pair's NDAI raster must still exist.
/// </summary>
internal static class PairReuse
{
    /// <summary>A pair the NDAI stage computes (<see cref="StableSummary.Reuse"/>).</summary>
    public const char Compute = '.';

    /// <summary>A pair whose stored outcome is kept: accepted.</summary>
    public const char Accepted = 'a';

    /// <summary>A pair whose stored outcome is kept: rejected.</summary>
    public const char Rejected = 'r';

    /// <summary>
    /// One character per pair of <paramref name="pairs"/> (<see cref="Compute"/>, <see cref="Accepted"/>,
    /// <see cref="Rejected"/>); null when no outcome can be kept.
    /// </summary>
    public static async Task<string?> FindAsync(IProductStore store, AssetScope scope, StableCheckpoint previous, string maskSha, IReadOnlyList<PairWork> pairs, int resumed)
    {
        var (asset, key, ct) = (scope.AssetId, SettingsFingerprint.Of(scope.Settings), ActivityCancellation.Token);
        if (maskSha != previous.MaskSha256) return null;
        var commit = await StableState.ReadCommitAsync(store, asset, key);
        if (commit is null || commit.Generation != previous.Generation || commit.MaskSha256 != previous.MaskSha256) return null;

        var failed = commit.Failed.ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, PairResultRow>(StringComparer.Ordinal);
        await foreach (var row in store.QueryAssetAsync<PairResultRow>(asset, key, ct))
            rows[StorageLayout.PairId(row.ReferenceDate, row.SecondaryDate)] = row;
        var codes = new char[pairs.Count];
        Array.Fill(codes, Compute);
        var kept = 0;
        for (var i = 0; i < resumed; i++)
        {
            var pair = pairs[i];
            if (previous.Pairs[i].Unreadable is not null || failed.Contains(pair.PairId) || !rows.TryGetValue(pair.PairId, out var row)) continue;
            var ndaiBlob = row.Accepted ? StorageLayout.Ndai(asset, key, pair.Reference, pair.Secondary) : null;
            if (row != PairRows.Row(scope, pair, row.StablePixels, row.StableMean, row.StableStd, row.Accepted, "", ndaiBlob) with { Reason = row.Reason }) continue;
            if (ndaiBlob is not null && !await store.ExistsAsync(StoreArea.Products, ndaiBlob, ct)) continue;
            codes[i] = row.Accepted ? Accepted : Rejected;
            kept++;
        }
        return kept == 0 ? null : new string(codes);
    }
}
