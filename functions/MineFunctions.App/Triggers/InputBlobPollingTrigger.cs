using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.App.Triggers;

/// <summary>
/// The same reprocess as <see cref="InputBlobTrigger"/>, from the standard blob trigger (container
/// scan and storage logs), which works on Azurite: enabled locally, disabled in Azure
/// (<c>AzureWebJobs.InputBlobPollingTrigger.Disabled</c>), where Event Grid reports uploads within
/// seconds without scanning. Both go through one <see cref="InputBlobHandler"/>, whose instance id
/// per asset and blob version makes either, or both, start one reprocess per version.
/// </summary>
public sealed class InputBlobPollingTrigger(RunClients runs, InputBlobHandler handler)
{
    /// <summary>Blob trigger entry point.</summary>
    [Function(nameof(InputBlobPollingTrigger))]
    public async Task RunAsync(
        [BlobTrigger("%MineFunctions:InputContainer%/{name}", Source = BlobTriggerSource.LogsAndContainerScan)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await handler.ReprocessAsync(runs.For(client), blob, name, cancellationToken);
}
