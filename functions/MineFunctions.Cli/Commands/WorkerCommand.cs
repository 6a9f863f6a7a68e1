using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine worker`: one more worker on a task hub that other processes or machines share through one
/// storage account (docs/WORKERS.md). It takes activities and orchestrations from the hub's queues
/// until Ctrl+C or SIGTERM, whoever started the run (`mine run --no-work` enqueues without working).
/// Each worker is a whole local engine (backend, sidecar, worker) in its own process, because a
/// worker must never outlive its sidecar (ENGINEERING-NOTES.md); the Azure Storage backend shares
/// the hub between them: activities through the common work-item queue, orchestrations through
/// control-queue partitions leased to one worker at a time.
/// </summary>
internal sealed partial class WorkerCommand : ICliCommand
{
    public string Name => "worker";
    public string Summary => "Work the runs of a shared task hub (activities and orchestrations) until stopped; more workers, more throughput.";

    public string Usage =>
        "mine worker [--namespace NAME] [--task-hub NAME] [--state DIR] [--lease-seconds S] [--partition-lease-seconds S] [--activities N] [--orchestrations N] [--partitions N]\n" +
        $"  storage                   {LocalStorage.ConnectionVariable} (every worker and `mine run --no-work` use the same one); unset: this\n" +
        "                            worker starts Azurite on --state and prints the connection string the others need\n" +
        "  --namespace NAME          containers, tables and task hub of `mine run --namespace NAME` (default: the app's)\n" +
        "  --task-hub NAME           the Durable task hub only (default: the namespace's)\n" +
        "  --lease-seconds S         queue visibility timeout: work a crashed worker held comes back after S (default 120;\n" +
        "                            must exceed the slowest activity)\n" +
        "  --partition-lease-seconds S  a crashed worker's orchestration partitions move after S, 15–60 (default 30)\n" +
        "  --activities N, --orchestrations N  work items at once in this process (default 4 per core, at least 8)\n" +
        "  --partitions N            control-queue partitions when this worker creates the task hub (1–16, default 2):\n" +
        "                            at most N workers replay orchestrations; fixed once the hub exists";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var names = RunNamespace.Of(args.Optional("namespace"));
        var taskHub = args.Optional("task-hub") ?? names.TaskHub;
        var state = args.Optional("state") ?? LocalStorage.DefaultStateDirectory;
        var defaults = new LocalEngineOptions();
        var lease = TimeSpan.FromSeconds(args.Int("lease-seconds", (int)defaults.WorkItemVisibilityTimeout.TotalSeconds));
        TimeSpan? partitionLease = args.Has("partition-lease-seconds") ? TimeSpan.FromSeconds(args.Int("partition-lease-seconds", 30)) : null;
        var activities = args.Int("activities", defaults.MaxConcurrentActivities);
        var orchestrations = args.Int("orchestrations", defaults.MaxConcurrentOrchestrations);
        var partitions = args.Int("partitions", defaults.PartitionCount);
        args.RejectUnknown();
        if (args.Positionals.Count > 0) throw new UsageException($"Unexpected argument '{args.Positionals[0]}'.");
        if (lease < TimeSpan.FromSeconds(5)) throw new UsageException("--lease-seconds must be at least 5.");
        LocalEngineOptions options;
        try
        {
            options = new LocalEngineOptions
            {
                Kind = EngineKind.AzureStorage,
                ConnectionString = "pending",
                TaskHub = taskHub,
                WorkItemVisibilityTimeout = lease,
                ControlQueueVisibilityTimeout = lease,
                PartitionLease = partitionLease,
                MaxConcurrentActivities = activities,
                MaxConcurrentOrchestrations = orchestrations,
                PartitionCount = partitions,
            }.Validated();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        // SIGTERM (systemd, docker stop, kill) stops the worker as Ctrl+C does: leases released, nothing half-done kept.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        await using var storage = await LocalStorage.OpenAsync(state, output, cancellationToken);
        options = options with { ConnectionString = storage.ConnectionString };
        var pipeline = await PipelineStorage.ConnectAsync(names.StorageOptions(storage.ConnectionString), cancellationToken);
        using var http = Workflow.Acquisition.AcquisitionServices.CreateHttpClient();
        var acquisition = AcquireCommand.ServicesFromEnvironment(http);
        var work = new WorkLog();
        var engine = await LocalEngineHost.StartAsync(
            options,
            r => r.AddMineFunctionsWorkflow(),
            s => s.AddWorkflowStorage(pipeline).AddSingleton(acquisition),
            cancellationToken: cancellationToken,
            workLog: work);
        try
        {
            output.WriteLine($"Worker {options.WorkerId} on task hub {taskHub} of {Account(storage.ConnectionString)}: " +
                             $"up to {options.MaxConcurrentActivities} activities and {options.MaxConcurrentOrchestrations} orchestrations at once. Ctrl+C or SIGTERM stops it.");
            if (storage.Azurite is not null)
                output.WriteLine($"Other workers and `mine run --no-work` join with: export {LocalStorage.ConnectionVariable}='{storage.ConnectionString}'");
            await ReportAsync(work, output, stop.Token);
        }
        finally
        {
            output.WriteLine("Stopping: work in hand is finished or handed back, partition leases released.");
            await engine.DisposeAsync();
        }
        output.WriteLine($"Stopped. {work.Snapshot().Line()}");
        return 0;
    }

    /// <summary>A line whenever what this worker holds or has finished changes, at most once a second.</summary>
    private static async Task ReportAsync(WorkLog work, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = work.Snapshot().Line();
            if (line != last)
            {
                output.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {line}");
                output.Flush();
                last = line;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The account (and, for Azurite, its blob endpoint) without the key.</summary>
    private static string Account(string connectionString)
    {
        var account = AccountName().Match(connectionString) is { Success: true } a ? a.Groups[1].Value : "the storage account";
        var blob = BlobEndpoint().Match(connectionString) is { Success: true } b ? $" ({b.Groups[1].Value})" : "";
        return account + blob;
    }

    [GeneratedRegex("AccountName=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AccountName();

    [GeneratedRegex("BlobEndpoint=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BlobEndpoint();
}
