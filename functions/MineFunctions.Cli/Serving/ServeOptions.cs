using System.Net;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow.Contracts;
using NCrontab;

namespace MineFunctions.Cli.Serving;

/// <summary>What `mine serve` runs with (parsed and checked by ServeCommand).</summary>
/// <param name="Address">Where the HTTP API listens (loopback by default).</param>
/// <param name="Port">TCP port; 0 lets the OS choose (the URL is printed).</param>
/// <param name="Key">The API key.</param>
/// <param name="KeyGenerated">True when the key was generated for this start (so it is printed).</param>
/// <param name="Schedule">The monthly refresh's schedule; null = off.</param>
/// <param name="ScheduleText">The schedule as given.</param>
/// <param name="WatchInterval">Input-container scan interval; null = no watcher.</param>
/// <param name="Settings">Pipeline settings of runs started here, and whose results the read routes show.</param>
/// <param name="Engine">Durable backend.</param>
/// <param name="Names">Containers, tables and task hub.</param>
/// <param name="Lease">Work-item visibility timeout of the Azure Storage backend; null = its default.</param>
/// <param name="State">Azurite data folder when MINEFUNCTIONS_STORAGE is unset; null = the default one.</param>
internal sealed record ServeOptions(
    IPAddress Address,
    int Port,
    ApiKey Key,
    bool KeyGenerated,
    CrontabSchedule? Schedule,
    string ScheduleText,
    TimeSpan? WatchInterval,
    PipelineSettings Settings,
    EngineKind Engine,
    RunNamespace Names,
    TimeSpan? Lease,
    string? State)
{
    /// <summary>Default port: the one `func start` uses, so the same URLs work with either.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Default watcher interval.</summary>
    public static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromSeconds(10);
}
