using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The engine's own log (Durable Task backend, sidecar and worker), appended to the file named by
/// MINEFUNCTIONS_ENGINE_LOG, Information and above. Off by default: it is for finding out why a run
/// stalls (a lease it never got, a message it keeps abandoning), which the progress line cannot show.
/// </summary>
internal sealed class EngineLogFile : ILoggerProvider
{
    public const string Variable = "MINEFUNCTIONS_ENGINE_LOG";

    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private EngineLogFile(string path) =>
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    /// <summary>A logger factory writing to the file the environment names, or null when none is named.</summary>
    public static ILoggerFactory? FromEnvironment() => ToFile(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A logger factory appending to <paramref name="path"/>, or null for no path.</summary>
    public static ILoggerFactory? ToFile(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new EngineLogFile(path)));

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose() => _writer.Dispose();

    private void Write(string line)
    {
        lock (_gate) _writer.WriteLine(line);
    }

    private sealed class Writer(EngineLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var time = DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            file.Write($"{time} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
