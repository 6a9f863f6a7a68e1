using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MineFunctions.Workflow;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The Durable Task engine inside the `mine` process: a backend (<see cref="EngineKind"/>) behind
/// the in-process gRPC sidecar (<see cref="TaskHubGrpcServer"/>) on 127.0.0.1, a Durable Task
/// worker hosting the given orchestrator and activity classes, and a <see cref="DurableTaskClient"/>,
/// all in one process. Sidecar and worker stay together on purpose: a worker dying alone leaves the
/// 0.2.3 sidecar holding its work items forever (ENGINEERING-NOTES.md). The same classes run
/// unchanged in the Functions app.
/// </summary>
public sealed class LocalEngineHost : IAsyncDisposable
{
    private readonly IHost _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private readonly IOrchestrationService _service;
    private bool _disposed;

    /// <summary>How long stopping waits for activities in flight; a raster job is minutes at most (RasterJobTimeout).</summary>
    private static readonly TimeSpan ActivityDrainTimeout = TimeSpan.FromMinutes(2);

    private LocalEngineHost(LocalEngineOptions options, IHost sidecar, IHost worker, GrpcChannel channel, IOrchestrationService service, string address)
    {
        Options = options;
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
        _service = service;
        Address = address;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public LocalEngineOptions Options { get; }

    /// <summary>The client: schedule, query, wait for, terminate and purge instances.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services: what activities are constructed from.</summary>
    public IServiceProvider Services => _worker.Services;

    /// <summary>The sidecar's gRPC address (http://127.0.0.1:PORT).</summary>
    public string Address { get; }

    /// <summary>
    /// Starts backend, sidecar, and (when <paramref name="registerTasks"/> is given) a worker with
    /// those tasks. Without tasks the host only serves the client API and dispatches nothing (for
    /// `mine status`: looking must not resume someone's crashed run; `mine run --no-work`: other
    /// processes work). <paramref name="workLog"/> (Azure Storage backend) sees every work item taken and finished.
    /// </summary>
    public static async Task<LocalEngineHost> StartAsync(
        LocalEngineOptions options,
        Action<DurableTaskRegistry>? registerTasks,
        Action<IServiceCollection>? configureServices = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default,
        WorkLog? workLog = null)
    {
        options = options.Validated();
        loggerFactory ??= EngineLogFile.FromEnvironment();
        var service = await CreateBackendAsync(options, loggerFactory, workLog, cancellationToken);
        IHost? sidecar = null;
        IHost? worker = null;
        GrpcChannel? channel = null;
        try
        {
            sidecar = BuildSidecar(service, loggerFactory, dispatch: registerTasks is not null);
            await sidecar.StartAsync(cancellationToken);
            var address = BoundAddress(sidecar);
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null });
            worker = BuildWorker(options, channel, registerTasks, configureServices, loggerFactory);
            await worker.StartAsync(cancellationToken);
            return new LocalEngineHost(options, sidecar, worker, channel, service, address);
        }
        catch
        {
            await StopQuietlyAsync(worker);
            channel?.Dispose();
            await StopQuietlyAsync(sidecar);
            (service as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Deletes the task hub's queues, tables and containers (Azure Storage backend; tests and
    /// `--fresh` runs). Stops the engine first. In memory there is nothing to delete.
    /// </summary>
    public async Task DeleteTaskHubAsync()
    {
        await DisposeAsync();
        if (Options.Kind == EngineKind.AzureStorage) await _service.DeleteAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopQuietlyAsync(_worker, _worker.Services.GetService<ActivitiesInFlight>());
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await StopQuietlyAsync(_sidecar);
        (_service as IDisposable)?.Dispose();
    }

    private static async Task<IOrchestrationService> CreateBackendAsync(LocalEngineOptions options, ILoggerFactory? loggerFactory, WorkLog? workLog, CancellationToken cancellationToken)
    {
        if (options.Kind == EngineKind.Memory)
            return new UncappedInMemoryOrchestrationService(options.MaxConcurrentActivities, options.MaxConcurrentOrchestrations);

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString!),
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            PartitionCount = options.PartitionCount,
            WorkerId = options.WorkerId,
        };
        if (options.PartitionLease is { } lease)
        {
            settings.LeaseInterval = lease;
            settings.LeaseRenewInterval = lease / 3;
            settings.LeaseAcquireInterval = lease / 3;
        }
        if (loggerFactory is not null) settings.LoggerFactory = loggerFactory;
        var service = new PlainTagsOrchestrationService<AzureStorageOrchestrationService>(new AzureStorageOrchestrationService(settings), workLog);
        cancellationToken.ThrowIfCancellationRequested();
        await service.CreateIfNotExistsAsync();
        return service;
    }

    private static IHost BuildSidecar(IOrchestrationService service, ILoggerFactory? loggerFactory, bool dispatch) =>
        new HostBuilder()
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, NoSignalLifetime>())
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                if (loggerFactory is not null) logging.Services.AddSingleton(loggerFactory);
            })
            .ConfigureWebHost(web =>
            {
                // Port 0: the OS picks a free loopback port, read back after start (no collisions between runs).
                web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
                web.ConfigureServices(services =>
                {
                    services.AddGrpc(o =>
                    {
                        o.MaxReceiveMessageSize = null;
                        // The Functions host's limits, so what fails in Azure fails here (HostLimits).
                        o.Interceptors.Add<HostLimitsInterceptor>();
                    });
                    services.AddSingleton(service);
                    services.AddSingleton((IOrchestrationServiceClient)service);
                    services.Configure<TaskHubGrpcServerOptions>(o =>
                        o.Mode = dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
                    services.AddSingleton<TaskHubGrpcServer>();
                });
                web.Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>());
                });
            })
            .Build();

    private static IHost BuildWorker(
        LocalEngineOptions options,
        GrpcChannel channel,
        Action<DurableTaskRegistry>? registerTasks,
        Action<IServiceCollection>? configureServices,
        ILoggerFactory? loggerFactory) =>
        new HostBuilder()
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                if (loggerFactory is not null) logging.Services.AddSingleton(loggerFactory);
            })
            .ConfigureServices(services =>
            {
                services.AddSingleton<IHostLifetime, NoSignalLifetime>();
                services.AddSingleton<ActivitiesInFlight>();
                configureServices?.Invoke(services);
                if (registerTasks is not null)
                {
                    services.AddDurableTaskWorker(builder =>
                    {
                        builder.UseGrpc(channel);
                        builder.AddTasks(registerTasks);
                        builder.Configure(o =>
                        {
                            o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
                        });
                    });
                }
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(channel);
                    builder.RegisterDirectly();
                });
            })
            .Build();

    /// <summary>
    /// No signal handling of the hosts' own. The default (console) lifetime took SIGTERM and Ctrl+C to stop the
    /// engine under a `mine run` that then waited forever; the command decides when to stop (CliApp), then disposes this.
    /// </summary>
    private sealed class NoSignalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string BoundAddress(IHost sidecar)
    {
        var addresses = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The Durable Task sidecar started without a listening address.");
        return address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>
    /// Stops <paramref name="host"/>, then waits (bounded) for the activities it is still running, so their
    /// results are reported and the process does not exit under them (<see cref="ActivitiesInFlight"/>).
    /// </summary>
    private static async Task StopQuietlyAsync(IHost? host, ActivitiesInFlight? inFlight = null)
    {
        if (host is null) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
            if (inFlight is not null) await inFlight.WaitIdleAsync(ActivityDrainTimeout);
        }
        catch (OperationCanceledException)
        {
            // A stuck shutdown must not hang the CLI; the process exit ends what is left.
        }
        finally
        {
            host.Dispose();
        }
    }
}
