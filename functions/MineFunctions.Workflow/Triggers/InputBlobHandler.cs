using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Triggers;

/// <summary>
/// What every input-blob source does with a new or changed blob of the input container: the
/// Functions app's Event Grid and polling blob triggers and the watcher of `mine serve`. The name is
/// classified (<see cref="InputBlobName"/>); an asset input reprocesses only that asset, under an
/// instance id from the asset and the blob version (<see cref="InstanceIds.AssetReprocess"/>), by
/// <see cref="RunStartPolicy.BlobEvent"/>: the same version never starts twice, whichever source
/// reported it first, and however many did. A bad name is logged and returned with its reason,
/// never thrown: a throw would only make the host deliver the same bad event again.
/// </summary>
public sealed class InputBlobHandler(ApiSettings settings, ILogger logger)
{
    /// <summary>Reads the blob's version (content hash, else ETag) and hands it to <see cref="HandleAsync"/>; a blob already deleted starts nothing.</summary>
    public async Task<InputBlobOutcome> ReprocessAsync(RunClient runs, BlobClient blob, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var classification = InputBlobName.Classify(name);
        if (classification.Decision != InputBlobDecision.AssetInput)
            return Record(new InputBlobOutcome(name, classification.Decision, classification.Reason, null));

        string version;
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            version = BlobVersion(properties.ContentHash, properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted between the event and now: nothing to reprocess, and retrying can't help.
            return Record(new InputBlobOutcome(name, InputBlobDecision.Ignored, "the blob no longer exists", null));
        }
        return await HandleAsync(runs, name, version, cancellationToken);
    }

    /// <summary>Classifies the name and, for an asset input, starts that asset's reprocess once per blob version.</summary>
    public async Task<InputBlobOutcome> HandleAsync(RunClient runs, string name, string blobVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var classification = InputBlobName.Classify(name);
        if (classification.Decision != InputBlobDecision.AssetInput)
            return Record(new InputBlobOutcome(name, classification.Decision, classification.Reason, null));

        var asset = classification.AssetId!;
        var request = new RefreshRequest(InstanceIds.AssetReprocess(asset, blobVersion), [asset], settings.Snapshot, "blob");
        var start = await runs.StartAsync(request, RunStartPolicy.BlobEvent(settings.StaleRunAge, settings.TerminateWait), cancellationToken);
        return Record(new InputBlobOutcome(name, InputBlobDecision.AssetInput, start.Reason, start));
    }

    /// <summary>The content hash identifies the bytes (a re-upload of the same file is a duplicate); the ETag is the fallback.</summary>
    public static string BlobVersion(byte[]? contentHash, ETag etag) =>
        contentHash is { Length: > 0 } ? "md5:" + Convert.ToBase64String(contentHash) : "etag:" + etag;

    private InputBlobOutcome Record(InputBlobOutcome outcome)
    {
        switch (outcome.Decision)
        {
            case InputBlobDecision.Rejected:
                logger.LogWarning("Input blob {BlobName} rejected: {Reason}", outcome.BlobName, outcome.Reason);
                break;
            case InputBlobDecision.Ignored:
                logger.LogInformation("Input blob {BlobName} ignored: {Reason}", outcome.BlobName, outcome.Reason);
                break;
            default:
                logger.LogInformation("Input blob {BlobName}: run {InstanceId} {Status} ({Reason})",
                    outcome.BlobName, outcome.Start?.InstanceId, outcome.Start?.Status, outcome.Reason);
                break;
        }
        return outcome;
    }
}
