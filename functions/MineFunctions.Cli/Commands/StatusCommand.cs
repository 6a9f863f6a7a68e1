using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine status [RUN] [--assets [--failed]]`: the runs on the local engine's Azure Storage task hub
/// (MINEFUNCTIONS_STORAGE, or the persistent local Azurite folder), one run's status and failure
/// reason, and its per-asset outcomes from the Runs table. Read-only: the engine is started without
/// a worker, so looking never resumes an interrupted run.
/// </summary>
internal sealed class StatusCommand : ICliCommand
{
    private const int MaxListed = 5000;
    private const int MaxChildrenShown = 50;

    public string Name => "status";
    public string Summary => "List recent workflow runs, or show one run's status, progress, failure reason and per-asset outcomes.";

    public string Usage =>
        "mine status [RUN] [--assets [--failed]] [--top N] [--all] [--namespace NAME] [--task-hub NAME] [--state DIR]\n" +
        "  RUN             show this run (runtime status, progress, result counts or failure reason, failed assets)\n" +
        "  --assets        with RUN: every asset's outcome (status, pairs, rejected, error) from the Runs table\n" +
        "  --failed        with --assets: only the failed assets\n" +
        "  --top N         list the N most recent instances (default 20)\n" +
        "  --all           also list per-asset sub-orchestrations (ids RUN:ASSET)\n" +
        "  --namespace NAME the task hub and tables of `mine run --namespace NAME`\n" +
        $"  --task-hub NAME Durable task hub (default: the namespace's, else {LocalEngineOptions.DefaultTaskHub})\n" +
        $"  --state DIR     local Azurite data folder when {LocalStorage.ConnectionVariable} is not set\n" +
        $"                  (default {LocalStorage.DefaultStateDirectory})";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var top = args.Int("top", 20);
        if (top < 1) throw new UsageException("--top must be at least 1.");
        var all = args.Has("all");
        var assets = args.Has("assets");
        var failed = args.Has("failed");
        var names = RunNamespace.Of(args.Optional("namespace"));
        var taskHub = args.Optional("task-hub") ?? names.TaskHub;
        var state = args.Optional("state") ?? LocalStorage.DefaultStateDirectory;
        args.RejectUnknown();
        if (args.Positionals.Count > 1) throw new UsageException("Give at most one run id.");
        var instanceId = args.Positionals.FirstOrDefault();
        if (failed && !assets) throw new UsageException("--failed goes with --assets.");
        if (assets && instanceId is null) throw new UsageException("--assets needs a run id.");
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
        var view = new StatusView(instanceId, top, all, assets, failed, names.TablePrefix);
        return await ReportAsync(storage.ConnectionString, taskHub, view, output, cancellationToken);
    }

    /// <summary>What to show: the list (no <paramref name="InstanceId"/>) or one run, with or without its assets.</summary>
    internal sealed record StatusView(string? InstanceId, int Top = 20, bool All = false, bool Assets = false, bool FailedOnly = false, string TablePrefix = "");

    /// <summary>Lists instances (no <paramref name="instanceId"/>) or shows one, on the task hub in that storage account.</summary>
    internal static Task<int> ReportAsync(string connectionString, string taskHub, string? instanceId, int top, bool all, TextWriter output, CancellationToken cancellationToken) =>
        ReportAsync(connectionString, taskHub, new StatusView(instanceId, top, all), output, cancellationToken);

    /// <summary>Shows <paramref name="view"/> from the task hub and Runs table in that storage account.</summary>
    internal static async Task<int> ReportAsync(string connectionString, string taskHub, StatusView view, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new LocalEngineOptions { Kind = EngineKind.AzureStorage, ConnectionString = connectionString, TaskHub = taskHub };
        try
        {
            await using var engine = await LocalEngineHost.StartAsync(options, registerTasks: null, cancellationToken: cancellationToken);
            if (view.InstanceId is null) return await ListAsync(engine.Client, view.Top, view.All, output, cancellationToken);
            var runs = new RunClient(engine.Client, ResultTableStore.FromConnectionString(connectionString, view.TablePrefix));
            return await ShowAsync(runs, view, output, cancellationToken);
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

    private static async Task<int> ShowAsync(RunClient runs, StatusView view, TextWriter output, CancellationToken cancellationToken)
    {
        var id = view.InstanceId!;
        var m = await runs.Durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (m is null)
        {
            output.WriteLine($"No instance '{id}'.");
            return 1;
        }
        InstanceFormatter.WriteDetails(m, output);

        if (view.Assets)
        {
            var filter = view.FailedOnly ? AssetOutcome.Failed : null;
            var count = 0;
            output.WriteLine(view.FailedOnly ? "Failed assets:" : "Assets:");
            await foreach (var asset in runs.ListAssetsAsync(id, filter, cancellationToken))
            {
                InstanceFormatter.WriteOutcome(asset, output);
                count++;
            }
            output.WriteLine(count == 0 ? "  (none filed in the Runs table)" : $"  ({count} asset(s))");
        }
        else
        {
            if (await runs.GetStatusAsync(id, cancellationToken) is { } status) InstanceFormatter.WriteFailedAssets(status, output);
            var children = new List<OrchestrationMetadata>();
            await foreach (var c in runs.Durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = id + ":", PageSize = 500 }).WithCancellation(cancellationToken))
                children.Add(c);
            if (children.Count > 0)
            {
                output.WriteLine($"Sub-orchestrations ({children.Count}):");
                foreach (var c in children.OrderBy(c => c.InstanceId, StringComparer.Ordinal).Take(MaxChildrenShown))
                    output.WriteLine($"  {c.InstanceId,-40} {c.RuntimeStatus}");
                if (children.Count > MaxChildrenShown)
                    output.WriteLine($"  ({children.Count - MaxChildrenShown} more; --assets lists every asset's outcome)");
            }
        }
        return m.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated ? 1 : 0;
    }
}
