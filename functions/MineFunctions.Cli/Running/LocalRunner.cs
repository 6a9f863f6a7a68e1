using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>
/// The workflow on a laptop: storage from <c>MINEFUNCTIONS_STORAGE</c> or an Azurite this runner
/// starts on a persistent state folder (and stops), the Durable Task engine (Azure Storage backend by default: state survives a
/// crash; or in memory), and the same orchestrators and activities as the Functions app.
/// </summary>
internal sealed class LocalRunner : IAsyncDisposable
{
    private readonly LocalStorage? _started;
    private readonly LocalEngineHost _engine;

    private LocalRunner(LocalStorage? started, LocalEngineHost engine, PipelineStorage storage, string connectionString)
    {
        (_started, _engine, Storage, ConnectionString) = (started, engine, storage, connectionString);
    }

    public PipelineStorage Storage { get; }

    public string ConnectionString { get; }

    public DurableTaskClient Client => _engine.Client;

    /// <param name="connectionString">Storage to use; null means <see cref="LocalStorage"/>: MINEFUNCTIONS_STORAGE, else an Azurite started on the state folder.</param>
    /// <param name="stateDirectory">Where a started Azurite keeps its data (persistent by default, so `mine status` and a restart after a crash see the run).</param>
    /// <param name="lease">
    /// Queue visibility timeout of the Azure Storage backend: how long work taken by a process that died
    /// stays hidden before another process picks it up. Must exceed the slowest activity (the local
    /// sidecar never renews locks, see ENGINEERING-NOTES.md); null keeps the engine's default.
    /// </param>
    public static async Task<LocalRunner> StartAsync(EngineKind kind, RunNamespace names, string? connectionString, TimeSpan? lease, TextWriter log, CancellationToken cancellationToken, string? stateDirectory = null)
    {
        LocalStorage? started = null;
        if (connectionString is null)
        {
            started = await LocalStorage.OpenAsync(stateDirectory ?? LocalStorage.DefaultStateDirectory, log, cancellationToken);
            connectionString = started.ConnectionString;
        }
        try
        {
            var storage = await PipelineStorage.ConnectAsync(names.StorageOptions(connectionString), cancellationToken);
            var engineOptions = new LocalEngineOptions { Kind = kind, ConnectionString = connectionString, TaskHub = names.TaskHub };
            if (lease is { } l) engineOptions = engineOptions with { WorkItemVisibilityTimeout = l, ControlQueueVisibilityTimeout = l };
            var engine = await LocalEngineHost.StartAsync(
                engineOptions,
                r => r.AddMineFunctionsWorkflow(),
                s => s.AddSingleton(storage),
                cancellationToken: cancellationToken);
            return new LocalRunner(started, engine, storage, connectionString);
        }
        catch
        {
            if (started is not null) await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a refresh to completion with live progress. The instance id is deterministic: if that run
    /// already completed, its result is returned and nothing runs again; if it is still running (the
    /// previous process died), this waits for it, and the engine resumes it from its history.
    /// </summary>
    public async Task<(RefreshResult? Result, OrchestrationMetadata Meta)> RunAsync(RefreshRequest request, IReadOnlyList<string> assets, TextWriter output, CancellationToken cancellationToken)
    {
        request.Settings.Validate();
        var existing = await Client.GetInstanceAsync(request.RunId, getInputsAndOutputs: true, cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
        {
            output.WriteLine($"Run {request.RunId} already completed at {existing.LastUpdatedAt:u}: reusing its results.");
            return (existing.ReadOutputAs<RefreshResult>(), existing);
        }
        if (existing is { IsRunning: true })
        {
            output.WriteLine($"Run {request.RunId} is already in progress: resuming.");
        }
        else
        {
            if (existing is not null) await Client.PurgeInstanceAsync(request.RunId, new PurgeInstanceOptions(Recursive: true), cancellationToken);
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), request,
                new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = request.RunId }, cancellationToken);
        }

        var meta = await new ProgressDisplay(Client, output, TimeSpan.FromMilliseconds(250)).WaitAsync(request.RunId, assets, cancellationToken);
        return (meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? meta.ReadOutputAs<RefreshResult>() : null, meta);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        if (_started is not null) await _started.DisposeAsync();
    }
}
