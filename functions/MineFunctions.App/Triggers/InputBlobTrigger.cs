using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MineFunctions.App.Inputs;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary>
/// A new or changed input blob (<c>&lt;asset&gt;/…</c> in the input container) reprocesses only that
/// asset. In Azure the events come from an Event Grid system topic on the storage account
/// (<c>Source = EventGrid</c>, subscription in infra/modules/eventgrid.bicep): no container polling.
/// The instance id derives from the asset and the blob's content hash (or ETag), so a duplicate event
/// starts nothing new. A bad name is logged and returned with its reason and never thrown: a throw
/// would only make the host deliver the same bad event again.
/// </summary>
public sealed class InputBlobTrigger(
    RunClients runs, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline, ILogger<InputBlobTrigger> logger)
{
    /// <summary>Blob trigger entry point.</summary>
    [Function(nameof(InputBlobTrigger))]
    public async Task RunAsync(
        [BlobTrigger("%MineFunctions:InputContainer%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var classification = InputBlobName.Classify(name);
        if (classification.Decision != InputBlobDecision.AssetInput)
        {
            Record(new InputBlobOutcome(name, classification.Decision, classification.Reason, null));
            return;
        }

        string version;
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            version = BlobVersion(properties.ContentHash, properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted between the event and now: nothing to reprocess, and retrying can't help.
            Record(new InputBlobOutcome(name, InputBlobDecision.Ignored, "the blob no longer exists", null));
            return;
        }

        await HandleAsync(client, name, version, cancellationToken);
    }

    /// <summary>Classifies the name and, for an asset input, starts that asset's reprocess once per blob version.</summary>
    public async Task<InputBlobOutcome> HandleAsync(DurableTaskClient client, string name, string blobVersion, CancellationToken cancellationToken)
    {
        var classification = InputBlobName.Classify(name);
        if (classification.Decision != InputBlobDecision.AssetInput)
            return Record(new InputBlobOutcome(name, classification.Decision, classification.Reason, null));

        var asset = classification.AssetId!;
        var request = new RefreshRequest(InstanceIds.AssetReprocess(asset, blobVersion), [asset], pipeline.Value.ToSettings(), "blob");
        // Same asset and blob version = same event: never start it twice, whatever became of the first.
        var policy = RunStartPolicy.BlobEvent(options.Value.StaleRunAge, options.Value.TerminateWait);
        var start = await runs.For(client).StartAsync(request, policy, cancellationToken);
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
