using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine status [INSTANCE]`: the runs on the local engine's Azure Storage task hub
/// (MINEFUNCTIONS_STORAGE, or the persistent local Azurite folder). Read-only: the engine is
/// started without a worker, so looking never resumes an interrupted run.
/// </summary>
internal sealed class StatusCommand : ICliCommand
{
    private const int MaxListed = 5000;

    public string Name => "status";
    public string Summary => "List recent workflow runs, or show one run's status, progress and result.";

    public string Usage =>
        "mine status [INSTANCE] [--top N] [--all] [--task-hub NAME] [--state DIR]\n" +
        "  INSTANCE        show this instance (runtime status, progress, per-asset outcome, output or failure)\n" +
        "  --top N         list the N most recent instances (default 20)\n" +
        "  --all           also list per-asset sub-orchestrations (ids RUN:ASSET)\n" +
        $"  --task-hub NAME Durable task hub (default {LocalEngineOptions.DefaultTaskHub})\n" +
        $"  --state DIR     local Azurite data folder when {LocalStorage.ConnectionVariable} is not set\n" +
        $"                  (default {LocalStorage.DefaultStateDirectory})";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var top = args.Int("top", 20);
        if (top < 1) throw new UsageException("--top must be at least 1.");
        var all = args.Has("all");
        var taskHub = args.Optional("task-hub") ?? LocalEngineOptions.DefaultTaskHub;
        var state = args.Optional("state") ?? LocalStorage.DefaultStateDirectory;
        args.RejectUnknown();
        if (args.Positionals.Count > 1) throw new UsageException("Give at most one instance id.");
        var instanceId = args.Positionals.FirstOrDefault();
        try
        {
            TaskHubName.Validate(taskHub);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (!LocalStorage.IsConfigured && !Directory.Exists(state))
        {
            output.WriteLine($"No runs yet: {LocalStorage.ConnectionVariable} is not set and there is no local engine state in {state}.");
            return instanceId is null ? 0 : 1;
        }

        await using var storage = await LocalStorage.OpenAsync(state, log: null, cancellationToken);
        return await ReportAsync(storage.ConnectionString, taskHub, instanceId, top, all, output, cancellationToken);
    }

    /// <summary>Lists instances (no <paramref name="instanceId"/>) or shows one, on the task hub in that storage account.</summary>
    internal static async Task<int> ReportAsync(string connectionString, string taskHub, string? instanceId, int top, bool all, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new LocalEngineOptions { Kind = EngineKind.AzureStorage, ConnectionString = connectionString, TaskHub = taskHub };
        try
        {
            await using var engine = await LocalEngineHost.StartAsync(options, registerTasks: null, cancellationToken: cancellationToken);
            return instanceId is null
                ? await ListAsync(engine.Client, top, all, output, cancellationToken)
                : await ShowAsync(engine.Client, instanceId, output, cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            throw new InvalidOperationException($"Storage refused the request ({ex.Status} {ex.ErrorCode}): {ex.Message.Split('\n')[0]}", ex);
        }
        catch (Grpc.Core.RpcException ex)
        {
            throw new InvalidOperationException($"The local Durable Task engine failed: {ex.Status.Detail}", ex);
        }
    }

    private static async Task<int> ListAsync(DurableTaskClient client, int top, bool all, TextWriter output, CancellationToken cancellationToken)
    {
        // The Azure Storage backend pages instances by id, not by time: read them all (bounded), newest first.
        var instances = new List<OrchestrationMetadata>();
        await foreach (var m in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 500, FetchInputsAndOutputs = false }).WithCancellation(cancellationToken))
        {
            if (all || !m.InstanceId.Contains(':', StringComparison.Ordinal)) instances.Add(m);
            if (instances.Count >= MaxListed) break;
        }
        if (instances.Count == 0)
        {
            output.WriteLine("No runs yet.");
            return 0;
        }
        output.WriteLine(InstanceFormatter.ListHeader);
        foreach (var m in instances.OrderByDescending(i => i.CreatedAt).Take(top)) output.WriteLine(InstanceFormatter.ListRow(m));
        if (instances.Count > top) output.WriteLine($"({instances.Count - top} older not shown; --top N shows more)");
        return 0;
    }

    private static async Task<int> ShowAsync(DurableTaskClient client, string instanceId, TextWriter output, CancellationToken cancellationToken)
    {
        var m = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (m is null)
        {
            output.WriteLine($"No instance '{instanceId}'.");
            return 1;
        }
        InstanceFormatter.WriteDetails(m, output);

        var children = new List<OrchestrationMetadata>();
        await foreach (var c in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = instanceId + ":", PageSize = 500 }).WithCancellation(cancellationToken))
            children.Add(c);
        if (children.Count > 0)
        {
            output.WriteLine($"Sub-orchestrations ({children.Count}):");
            foreach (var c in children.OrderBy(c => c.InstanceId, StringComparer.Ordinal))
                output.WriteLine($"  {c.InstanceId,-40} {c.RuntimeStatus}");
        }
        return m.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? 1 : 0;
    }
}
