using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MineFunctions.Integration.Tests.Browser;

/// <summary>
/// `mine serve` as a separate process on the test's Azurite, on a port the OS picks (--port 0), with
/// no schedule and no watcher: the HTTP API and the results page over loopback, as a user starts it.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process, string key)
    {
        _process = process;
        Key = key;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string BaseUri { get; private set; } = "";

    /// <summary>The API key it was started with.</summary>
    public string Key { get; }

    /// <summary>What it printed so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts `mine serve` on <paramref name="namespaceName"/> and returns once it listens.</summary>
    public static async Task<ServeProcess> StartAsync(string namespaceName, CancellationToken cancellationToken)
    {
        var key = "browser-test-" + Guid.NewGuid().ToString("N");
        var process = MineProcess.Start("serve", "--port", "0", "--key", key, "--namespace", namespaceName,
            "--schedule", "off", "--watch-seconds", "0", "--engine", "azure");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serve = new ServeProcess(process, key);
        void Read(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (serve._log) serve._log.AppendLine(line);
                if (Listening().Match(line) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
            }
            listening.TrySetException(new InvalidOperationException("mine serve stopped before it listened:\n" + serve.Log));
        }, CancellationToken.None);
        Read(process.StandardOutput);
        Read(process.StandardError);
        try
        {
            serve.BaseUri = await listening.Task.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>A URL of the API with the key as the <c>code</c> query parameter.</summary>
    public string Url(string pathAndQuery) =>
        $"{BaseUri}{pathAndQuery}{(pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?")}code={Uri.EscapeDataString(Key)}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first (serve stops its engine in order), then the hard way; only this process.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Listening on (http://[^\s/]+)/api")]
    private static partial Regex Listening();
}
