using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.App.Hosting;

/// <summary>
/// Creates the input and product containers and the result tables when missing, once at start
/// (infra/ creates them in Azure; Azurite starts empty). Idempotent; a failure is logged, not fatal:
/// the first activity that needs the store reports it with the SDK's own error.
/// </summary>
public sealed class StorageInitializer(PipelineStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.Inputs.EnsureContainerAsync(cancellationToken);
            await storage.Products.EnsureContainerAsync(cancellationToken);
            await storage.Tables.EnsureTablesAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or InvalidOperationException)
        {
            logger.LogError(e, "Could not create the MineFunctions containers and tables at start");
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
