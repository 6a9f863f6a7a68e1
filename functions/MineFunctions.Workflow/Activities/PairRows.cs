using MineFunctions.Core.Ndai;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Workflow.Activities;

/// <summary>PairResults rows of pairs: screened ones, and those that could not be read (failed, not accepted).</summary>
internal static class PairRows
{
    /// <summary>Reasons cross the Durable history: bounded so a stack of bad files cannot bloat it.</summary>
    private const int MaxReasonLength = 240;

    public const string Prefix = "failed: ";

    public static string Summary(UnreadablePairException ex)
    {
        var text = Prefix + ex.Message;
        return text.Length <= MaxReasonLength ? text : text[..(MaxReasonLength - 1)] + "…";
    }

    public static Task RecordAsync(IProductStore store, AssetScope scope, PairWork pair, UnreadablePairException ex) =>
        store.UpsertAsync(Failed(scope, pair, ex), ActivityCancellation.Token);

    /// <summary>The row of a pair whose raster could not be read: failed, with the file and reason.</summary>
    public static PairResultRow Failed(AssetScope scope, PairWork pair, UnreadablePairException ex) =>
        Row(scope, pair, 0, null, null, false, Summary(ex), null);

    /// <summary>
    /// A pair's PairResults row: its screening numbers and decision, with the pair's coherence source,
    /// Bperp and product metadata as discovery found them (one place for screened and failed pairs).
    /// </summary>
    public static PairResultRow Row(AssetScope scope, PairWork pair, long stablePixels, double? stableMean, double? stableStd,
        bool accepted, string reason, string? ndaiBlob)
    {
        var key = SettingsFingerprint.Of(scope.Settings);
        return new PairResultRow(
            scope.AssetId, key, pair.Reference, pair.Secondary, pair.Year, stablePixels, stableMean, stableStd, accepted, reason,
            pair.PerpendicularBaselineM,
            pair.FromSlc ? StorageLayout.Coherence(scope.AssetId, key, pair.Reference, pair.Secondary) : pair.InputBlob,
            ndaiBlob, pair.BaselineSource, pair.Product?.Name, pair.Product?.Looks, pair.Product?.PixelSpacingM);
    }

    /// <summary>The PairResults row of a pair the selection rules leave out (METHOD.md §1.1), with its numbers.</summary>
    public static PairResultRow Excluded(string asset, string key, InventoryExclusion exclusion, YearAssignmentRule yearRule)
    {
        var p = exclusion.Pair ?? throw new ArgumentException($"'{exclusion.Subject}' names no pair.", nameof(exclusion));
        return new PairResultRow(asset, key, p.Reference, p.Secondary, YearAssignment.YearOf(p.Reference, p.Secondary, yearRule),
            0, null, null, false, "excluded: " + exclusion.Reason, p.PerpendicularBaselineM, null, null, p.BaselineSource);
    }
}
