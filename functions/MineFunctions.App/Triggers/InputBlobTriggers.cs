using Azure.Storage.Blobs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Triggers;

/// <summary>
/// A new or changed input blob (<c>&lt;asset&gt;/…</c> in the input container) reprocesses only that
/// asset, through one <see cref="InputBlobHandler"/>, whose instance id per asset and blob version
/// makes either function, or both, start one reprocess per version. Two sources of the same event:
/// <list type="bullet">
/// <item><c>InputBlobTrigger</c>: in Azure, an Event Grid system topic on the storage account
/// (<c>Source = EventGrid</c>, subscription in infra/subscription.bicep), no container polling.
/// Azurite emits no Event Grid events, so locally it is disabled (<c>AzureWebJobs.InputBlobTrigger.Disabled</c>).</item>
/// <item><c>InputBlobPollingTrigger</c>: the standard blob trigger (container scan and storage logs),
/// which works on Azurite: enabled locally, disabled in Azure (<c>AzureWebJobs.InputBlobPollingTrigger.Disabled</c>).</item>
/// </list>
/// </summary>
public sealed class InputBlobTriggers(RunClients runs, InputBlobHandler handler)
{
    /// <summary>The function name infra/subscription.bicep subscribes to Event Grid.</summary>
    public const string EventGridFunction = "InputBlobTrigger";

    /// <summary>The polling function's name.</summary>
    public const string PollingFunction = "InputBlobPollingTrigger";

    /// <summary>Event Grid entry point.</summary>
    [Function(EventGridFunction)]
    public Task RunAsync(
        [BlobTrigger("%MineFunctions:InputContainer%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        handler.ReprocessAsync(runs.For(client), blob, name, cancellationToken);

    /// <summary>Container-scan entry point.</summary>
    [Function(PollingFunction)]
    public Task PollAsync(
        [BlobTrigger("%MineFunctions:InputContainer%/{name}", Source = BlobTriggerSource.LogsAndContainerScan)] BlobClient blob,
        string name, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        handler.ReprocessAsync(runs.For(client), blob, name, cancellationToken);
}
