using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>Records a pair that could not be read as a failed, not accepted, PairResults row.</summary>
internal static class PairFailures
{
    /// <summary>Reasons cross the Durable history: bounded so a stack of bad files cannot bloat it.</summary>
    private const int MaxReasonLength = 240;

    public const string Prefix = "failed: ";

    public static string Summary(UnreadablePairException ex)
    {
        var text = Prefix + ex.Message;
        return text.Length <= MaxReasonLength ? text : text[..(MaxReasonLength - 1)] + "…";
    }

    public static Task RecordAsync(PipelineStorage storage, AssetScope scope, PairWork pair, UnreadablePairException ex)
    {
        var key = PipelineStorage.KeyOf(scope.Settings);
        return storage.Tables.UpsertAsync(new PairResultRow(
            scope.AssetId, key, pair.Reference, pair.Secondary, pair.Year, 0, null, null, false, Summary(ex), null,
            pair.FromSlc ? ProductLayout.Coherence(scope.AssetId, key, pair.Reference, pair.Secondary) : pair.InputBlob, null));
    }
}
