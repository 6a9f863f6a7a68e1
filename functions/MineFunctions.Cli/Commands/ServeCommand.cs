using System.Net;
using System.Runtime.InteropServices;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Cli.Serving;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine serve`: the Functions app's HTTP API, monthly schedule and input watcher in one process on
/// the local engine (<see cref="ServeHost"/>), for machines without Core Tools. docs/SERVE.md.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";
    public string Summary => "Serve the HTTP API, the monthly refresh and the input watcher locally, as the Functions app does in Azure.";

    public string Usage =>
        "mine serve [--bind ADDRESS] [--port N] [--key KEY] [--schedule CRON|off] [--watch-seconds S] [--window 7x2] [--rule adaptive|hsv|threshold]\n" +
        "           " + ClassifierArguments.AdaptiveUsage + " " + ClassifierArguments.FixedRuleUsage + "\n" +
        "           [--engine azure|memory] [--namespace NAME] [--lease-seconds S] [--state DIR]\n" +
        "  --bind ADDRESS     where the API listens (default 127.0.0.1; another address is reachable from the network)\n" +
        $"  --port N           TCP port (default {ServeOptions.DefaultPort}, as func start; 0 = any free port, printed)\n" +
        $"  --key KEY          the API key, at least {ApiKey.MinLength} characters (default {ApiKey.Variable}, else generated and printed);\n" +
        $"                     send it as the {ApiKey.Header} header or the {ApiKey.QueryParameter} query parameter\n" +
        $"  --schedule CRON    six-field NCRONTAB (UTC) of the monthly refresh, or off (default {RefreshScheduler.Variable},\n" +
        $"                     else '{MonthlyRefresh.DefaultSchedule}')\n" +
        $"  --watch-seconds S  scan the input container every S seconds and reprocess changed assets; 0 = off (default {ServeOptions.DefaultWatchInterval.TotalSeconds:0})\n" +
        "  --window, --rule and the thresholds: pipeline settings of runs started here (as mine run); the read routes show their results\n" +
        "  --engine, --namespace, --lease-seconds, --state   as mine run";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = Parse(args);
        output = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM (docker stop, systemd, kill) stops as gracefully as Ctrl+C, which CliApp turns into the token.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        await ServeHost.RunAsync(options, output, stop.Token);
        output.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>The options of a command line, checked; a bad one is a <see cref="UsageException"/>.</summary>
    internal static ServeOptions Parse(CliArguments args)
    {
        var bindText = args.Optional("bind") ?? "127.0.0.1";
        if (!IPAddress.TryParse(bindText, out var address)) throw new UsageException($"--bind '{bindText}' is not an IP address.");
        var port = args.Int("port", ServeOptions.DefaultPort);
        if (port is < 0 or > 65535) throw new UsageException("--port must be 0 to 65535.");

        var keyText = args.Optional("key") ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKey.Variable));
        ApiKey key;
        try
        {
            key = keyText is null ? ApiKey.Generate() : new ApiKey(keyText);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var scheduleText = args.Optional("schedule") ?? NonEmpty(Environment.GetEnvironmentVariable(RefreshScheduler.Variable)) ?? MonthlyRefresh.DefaultSchedule;
        NCrontab.CrontabSchedule? schedule;
        try
        {
            schedule = scheduleText == "off" ? null : RefreshScheduler.Parse(scheduleText);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var watchSeconds = args.Double("watch-seconds", ServeOptions.DefaultWatchInterval.TotalSeconds);
        if (watchSeconds is < 0 or > 86_400) throw new UsageException("--watch-seconds must be 0 (off) to 86400.");

        var window = Core.Coherence.CoherenceWindow.Parse(args.Optional("window") ?? "7x2");
        var settings = ClassifierArguments.Pipeline(args, new PipelineSettings { WindowX = window.X, WindowY = window.Y });
        var engine = EngineKinds.Parse(args.Optional("engine"));
        var names = RunNamespace.Of(args.Optional("namespace"));
        TimeSpan? lease = args.Has("lease-seconds") ? TimeSpan.FromSeconds(args.Int("lease-seconds", 0)) : null;
        if (lease is { TotalSeconds: < 5 }) throw new UsageException("--lease-seconds must be at least 5.");
        var state = args.Optional("state");
        args.RejectUnknown();
        if (args.Positionals.Count > 0) throw new UsageException($"Unexpected argument '{args.Positionals[0]}'.");
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        return new ServeOptions(address, port, key, keyText is null, schedule, scheduleText,
            watchSeconds == 0 ? null : TimeSpan.FromSeconds(watchSeconds), settings, engine, names, lease, state);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
