namespace MineFunctions.Workflow.Activities;

/// <summary>
/// A pair's raster could not be read (truncated, empty, not a raster, deleted). It is a recorded
/// failure of that pair, never of its asset: the message names the file and GDAL's reason.
/// </summary>
public sealed class UnreadablePairException(string file, string reason, Exception inner)
    : Exception($"{file}: {reason}", inner)
{
    public string File { get; } = file;

    public string Reason { get; } = reason;
}
