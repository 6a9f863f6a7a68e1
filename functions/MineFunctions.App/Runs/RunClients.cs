using Microsoft.Extensions.Logging;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Runs;

/// <summary>
/// Makes the workflow's <see cref="RunClient"/> over the Durable client a trigger receives from its
/// <c>[DurableClient]</c> binding (one per invocation), with the app's result tables, clock and logger.
/// </summary>
public sealed class RunClients(ResultTableStore tables, TimeProvider time, ILogger<RunClient> logger)
{
    /// <summary>A run client over <paramref name="client"/>.</summary>
    public RunClient For(DurableTaskClient client) => new(client, tables, time, logger);
}
