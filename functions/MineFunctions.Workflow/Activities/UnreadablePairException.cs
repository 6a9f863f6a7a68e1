namespace MineFunctions.Workflow.Activities;

/// <summary>
/// A pair's raster could not be read (truncated, empty, not a raster, deleted, replaced during the run). It is a
/// recorded failure of that pair, never of its asset: the message names the file and the reason.
/// </summary>
public sealed class UnreadablePairException(string file, string reason, Exception inner)
    : Exception($"{file}: {reason}", inner)
{
    public string File { get; } = file;

    public string Reason { get; } = reason;

    /// <summary>
    /// The pair failure for a storage answer that says the input is no longer the one discovery listed: 404 (deleted)
    /// or 412 (replaced: its ETag is not the pinned one); null for any other answer, which stays an activity failure
    /// (retried when transient). The new content is never mixed into this run; its upload starts its own reprocess.
    /// </summary>
    public static UnreadablePairException? ForChangedInput(string file, Azure.RequestFailedException ex) => ex.Status switch
    {
        404 => new UnreadablePairException(file, "the blob was deleted during the run", ex),
        412 => new UnreadablePairException(file, "the blob was replaced during the run (its ETag is not the one discovery pinned); its new content is left to a reprocess", ex),
        _ => null,
    };
}
