using System.Net;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.Cli.Serving;

/// <summary>
/// `mine serve`: the three entry points of the Functions app in one process, over the local Durable
/// engine of `mine run` (<see cref="LocalRunner"/>): the HTTP API on Kestrel (<see cref="ServeRoutes"/>,
/// behind the <see cref="ApiKey"/>), the monthly refresh (<see cref="RefreshScheduler"/>) and the
/// input-container watcher (<see cref="InputWatcher"/>). Stopping (Ctrl+C, SIGTERM) stops accepting
/// requests and lets those in flight finish, stops the loops, then the engine, then the Azurite it started.
/// </summary>
internal static class ServeHost
{
    /// <summary>How long requests in flight get to finish at shutdown.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs until <paramref name="stopping"/> is cancelled, then shuts down in order.</summary>
    public static async Task RunAsync(ServeOptions options, TextWriter output, CancellationToken stopping)
    {
        if (!IPAddress.IsLoopback(options.Address))
            output.WriteLine($"warning: listening on {options.Address}, reachable from other machines over plain HTTP; anyone with the key can start runs and read results.");

        await using var runner = await LocalRunner.StartAsync(options.Engine, options.Names, null, options.Lease, output, stopping, options.State);
        var settings = new ApiSettings(options.Settings, ApiSettings.DefaultStaleRunAge, ApiSettings.DefaultTerminateWait);
        var serve = new ServeContext(runner.Runs, new RunsApi(settings), new ResultsApi(runner.Results, settings.Key));

        var app = BuildApp(options, serve);
        await app.StartAsync(stopping);
        using var loops = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var background = new List<Task>();
        try
        {
            var url = BoundUrl(app);
            output.WriteLine($"Listening on {url}/{ApiRoutes.Prefix} (engine {options.Engine}, task hub {options.Names.TaskHub}).");
            output.WriteLine(options.KeyGenerated
                ? $"Key (generated for this start; --key or {ApiKey.Variable} sets one): {options.Key.Value}"
                : "Key: as given (--key or " + ApiKey.Variable + ").");
            output.WriteLine($"  curl -H '{ApiKey.Header}: <key>' {url}/{ApiRoutes.Prefix}/{ApiRoutes.Health}");

            if (options.Schedule is { } schedule)
            {
                var scheduler = new RefreshScheduler(schedule, ct => MonthlyRefresh.StartAsync(serve.Client, settings, DateTimeOffset.UtcNow, ct), output);
                background.Add(Loop(scheduler.RunAsync, loops.Token));
            }
            else
            {
                output.WriteLine("schedule: off");
            }

            if (options.WatchInterval is { } interval)
            {
                var container = new BlobContainerClient(runner.ConnectionString, options.Names.InputContainer);
                var watcher = new InputWatcher(container, new InputBlobHandler(settings, NullLogger.Instance), serve.Client, output);
                background.Add(Loop(ct => watcher.RunAsync(interval, ct), loops.Token));
            }
            else
            {
                output.WriteLine("watch: off");
            }

            output.WriteLine("Ready. Ctrl+C or SIGTERM stops.");
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            output.WriteLine("Stopping: no new requests; finishing those in flight.");
        }
        finally
        {
            using (var drain = new CancellationTokenSource(DrainTimeout)) await app.StopAsync(drain.Token);
            await loops.CancelAsync();
            await Task.WhenAll(background);
            await app.DisposeAsync();
            output.WriteLine("Stopping the engine" + (LocalEngine.LocalStorage.IsConfigured ? "." : " and Azurite."));
        }
        // Disposing the runner (above, at the end of this scope) stops the engine, then the Azurite it started.
    }

    private static WebApplication BuildApp(ServeOptions options, ServeContext serve)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address, options.Port));
        // The process stops on our token, not on the host's own Ctrl+C handling.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ExternalLifetime>();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!options.Key.Accepts(context.Request))
            {
                await ServeRoutes.SendAsync(context, Task.FromResult(ApiKey.Refusal(context.Request.Path.Value ?? "")));
                return;
            }
            await next(context);
        });
        ServeRoutes.Map(app, serve);
        return app;
    }

    private static string BoundUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The HTTP API started without a listening address.");
        return address.TrimEnd('/');
    }

    /// <summary>A background loop ends only by cancellation; that end is not an error.</summary>
    private static async Task Loop(Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        try
        {
            await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>No console or signal handling of its own: `mine serve` decides when to stop.</summary>
    private sealed class ExternalLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
