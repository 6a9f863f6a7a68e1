using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>What a local run ended with: its status (with the failure reason) and, when it completed, every asset's outcome.</summary>
internal sealed record LocalRunOutcome(RunStatus Status, IReadOnlyList<AssetOutcome> Assets)
{
    public bool Completed => Status.RuntimeStatus == OrchestrationRuntimeStatus.Completed;
}

/// <summary>
/// The workflow on a laptop: storage from <c>MINEFUNCTIONS_STORAGE</c> or an Azurite this runner
/// starts on a persistent state folder (and stops), the Durable Task engine (Azure Storage backend by default: state survives a
/// crash; or in memory), and the same orchestrators and activities as the Functions app. Runs are
/// started and read through the workflow's <see cref="RunClient"/>, as the Functions triggers do.
/// </summary>
internal sealed class LocalRunner : IAsyncDisposable
{
    private readonly LocalStorage? _started;
    private readonly LocalEngineHost _engine;
    private readonly TextWriter _log;

    private LocalRunner(LocalStorage? started, LocalEngineHost engine, PipelineStorage storage, string connectionString, TextWriter log)
    {
        (_started, _engine, Storage, ConnectionString, _log) = (started, engine, storage, connectionString, log);
        Runs = new RunClient(engine.Client, storage.Tables);
        Results = new RunResults(storage);
    }

    public PipelineStorage Storage { get; }

    /// <summary>The Azurite this runner started, if it started one (benchmarks read its processor time).</summary>
    public int? AzuriteProcessId => _started?.Azurite?.ProcessId;

    public string ConnectionString { get; }

    public DurableTaskClient Client => _engine.Client;

    /// <summary>Start, status and per-asset outcomes of runs.</summary>
    public RunClient Runs { get; }

    /// <summary>Result rows and products.</summary>
    public RunResults Results { get; }

    /// <param name="connectionString">Storage to use; null means <see cref="LocalStorage"/>: MINEFUNCTIONS_STORAGE, else an Azurite started on the state folder.</param>
    /// <param name="stateDirectory">Where a started Azurite keeps its data (persistent by default, so `mine status` and a restart after a crash see the run).</param>
    /// <param name="lease">
    /// Queue visibility timeout of the Azure Storage backend: how long work taken by a process that died
    /// stays hidden before another process picks it up. Must exceed the slowest activity (the local
    /// sidecar never renews locks, see ENGINEERING-NOTES.md); null keeps the engine's default.
    /// </param>
    /// <param name="work">False: this process only enqueues and watches; `mine worker` processes on the same task hub do the work (docs/WORKERS.md).</param>
    /// <param name="register">The orchestrators and activities; null registers the workflow's (benchmarks wrap them to time them).</param>
    public static async Task<LocalRunner> StartAsync(EngineKind kind, RunNamespace names, string? connectionString, TimeSpan? lease, TextWriter log, CancellationToken cancellationToken, string? stateDirectory = null, bool work = true, Action<DurableTaskRegistry>? register = null)
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
                work ? register ?? (r => r.AddMineFunctionsWorkflow()) : null,
                s => s.AddWorkflowStorage(storage),
                cancellationToken: cancellationToken);
            return new LocalRunner(started, engine, storage, connectionString, log);
        }
        catch
        {
            if (started is not null) await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a refresh to completion with live progress, by <see cref="RunStartPolicy.LocalRun"/>: if
    /// that run already completed, nothing runs again; if it is still running (the previous process
    /// died), this waits for it and the engine resumes it from its history; a failed one starts again.
    /// </summary>
    public async Task<LocalRunOutcome> RunAsync(RefreshRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var start = await Runs.StartAsync(request, RunStartPolicy.LocalRun, cancellationToken);
        if (start.Status == RunStartStatus.AlreadyDone) output.WriteLine($"Run {request.RunId} already completed: reusing its results.");
        else if (start.Status == RunStartStatus.AlreadyRunning) output.WriteLine($"Run {request.RunId} is already in progress: resuming.");

        RunStatus status;
        try
        {
            status = await new ProgressDisplay(Runs, output, TimeSpan.FromMilliseconds(250)).WaitAsync(request.RunId, request.AssetIds, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            throw new RunStoppedException(request.RunId, ex);
        }
        catch (RpcException ex)
        {
            // The engine's sidecar answers "Exception was thrown by handler" when its storage is gone: find out whether that is why.
            throw await StorageLostAsync(ex, cancellationToken) ?? (Exception)new InvalidOperationException($"The local engine failed: {ex.Status.Detail}", ex);
        }
        var assets = new List<AssetOutcome>();
        if (status.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            await foreach (var asset in Runs.ListAssetsAsync(request.RunId, cancellationToken: cancellationToken)) assets.Add(asset);
        }
        return new LocalRunOutcome(status, assets);
    }

    /// <summary>The one-sentence fault when storage is what failed (the Azurite this runner started exited, or storage does not answer); null when storage is fine.</summary>
    private async Task<StorageLostException?> StorageLostAsync(Exception engineError, CancellationToken cancellationToken)
    {
        const string resume = "The run is kept in its history: run the same command again to resume it.";
        if (_started?.Azurite is { HasExited: true } azurite)
            return new StorageLostException($"Azurite (pid {azurite.ProcessId}), which mine started, stopped during the run. {resume}", engineError);
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(TimeSpan.FromSeconds(10));
            await Storage.Inputs.ExistsAsync("storage-probe", probe.Token);
            return null;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException ? "no answer within 10 s" : ex.Message.Split('\n', 2)[0].Trim();
            return new StorageLostException($"Storage stopped answering during the run ({reason}). {resume}", engineError);
        }
    }

    /// <summary>
    /// Stops the engine, then always the Azurite this runner started, even when the engine's shutdown
    /// fails (it can, when storage died under it): a failed shutdown must neither leave Azurite
    /// running nor replace the reason the command is ending with.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _engine.DisposeAsync();
        }
        catch (Exception ex)
        {
            _log.WriteLine($"warning: the local engine did not shut down cleanly ({ex.GetType().Name}: {ex.Message.Split('\n', 2)[0]})");
        }
        finally
        {
            if (_started is not null) await _started.DisposeAsync();
        }
    }
}
