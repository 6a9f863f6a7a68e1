using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Triggers;

/// <summary>
/// A new or changed input blob (<c>&lt;asset&gt;/…</c> in the input container) reprocesses only that
/// asset, through <see cref="InputBlobHandler"/>. In Azure the events come from an Event Grid system
/// topic on the storage account (<c>Source = EventGrid</c>, subscription in infra/subscription.bicep):
/// no container polling. Azurite emits no Event Grid events, so locally this function is disabled
/// (<c>AzureWebJobs.InputBlobTrigger.Disabled</c>) and <see cref="InputBlobPollingTrigger"/> runs instead.
/// </summary>
public sealed class InputBlobTrigger(RunClients runs, InputBlobHandler handler)
{
    /// <summary>Blob trigger entry point.</summary>
    [Function(nameof(InputBlobTrigger))]
    public async Task RunAsync(
        [BlobTrigger("%MineFunctions:InputContainer%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await handler.ReprocessAsync(runs.For(client), blob, name, cancellationToken);
}
