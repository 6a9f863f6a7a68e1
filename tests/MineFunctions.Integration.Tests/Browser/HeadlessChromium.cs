using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MineFunctions.Integration.Tests.Browser;

/// <summary>
/// The system's headless Chromium (Debian package <c>chromium</c>, installed by <c>./build.sh deps</c>),
/// driven over the DevTools protocol with <see cref="ClientWebSocket"/>: no driver package, nothing
/// downloaded at run time. The browser picks its own debugging port (<c>--remote-debugging-port=0</c>)
/// and prints its WebSocket URL on stderr. Exceptions thrown by the page are collected in <see cref="PageErrors"/>.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Set to a browser executable to use it instead of the one on PATH.</summary>
    public const string Variable = "MINEFUNCTIONS_CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private Task _receive = Task.CompletedTask;
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Exceptions the page threw (Runtime.exceptionThrown), in order.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>The browser executable, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return File.Exists(given) ? given : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in Names)
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    /// <summary>Starts the browser with one blank page of <paramref name="width"/>×<paramref name="height"/> CSS pixels and attaches to it.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height, CancellationToken cancellationToken)
    {
        var executable = Find() ?? throw new InvalidOperationException("No chromium on PATH (Debian: apt-get install chromium; ./build.sh deps does it).");
        var profile = Directory.CreateTempSubdirectory("minefunctions-chromium-").FullName;
        var info = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}",
                     $"--window-size={width},{height}", "about:blank",
                 })
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var url = await ReadDevToolsUrlAsync(process, cancellationToken);
            await browser._socket.ConnectAsync(new Uri(url), cancellationToken);
            browser._receive = Task.Run(browser.ReceiveLoopAsync, CancellationToken.None);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false);
            var attached = await browser.SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, session: false);
            browser._session = attached.GetProperty("sessionId").GetString();
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in the page.</summary>
    public async Task NavigateAsync(string url)
    {
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (result.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
            throw new InvalidOperationException($"Navigation to {url} failed: {text}");
    }

    /// <summary>The value of a JavaScript expression (promises awaited), as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
            throw new InvalidOperationException($"'{expression}' threw: {exception}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : default;
    }

    /// <summary>Polls <paramref name="condition"/> (a JavaScript expression) until it is true; fails after <paramref name="timeout"/> with what it last saw.</summary>
    public async Task WaitForAsync(string condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Between a navigation and the new page's script the elements may not exist yet: a throw is "not yet".
            var value = await EvaluateAsync($"(() => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()");
            if (value.ValueKind == JsonValueKind.True) return;
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"Waited {timeout} for {what} ({condition}); page errors: [{string.Join("; ", PageErrors)}]");
            await Task.Delay(100);
        }
    }

    /// <summary>A PNG of the whole page (beyond the viewport).</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    /// <summary>Sends one DevTools command (to the page's session unless <paramref name="session"/> is false) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, bool session = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session && _session is not null) message["sessionId"] = _session;
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _send.Release();
        }
        var done = await Task.WhenAny(reply.Task, Task.Delay(CallTimeout));
        if (done != reply.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"DevTools {method} got no reply in {CallTimeout}.");
        }
        return await reply.Task;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var read = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, read.Count);
                if (!read.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing: pending calls fail below.
        }
        foreach (var (_, pending) in _pending) pending.TrySetException(new InvalidOperationException("The browser connection closed."));
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (message.TryGetProperty("error", out var error)) reply.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            else reply.TrySetResult(message.GetProperty("result"));
            return;
        }
        if (message.TryGetProperty("method", out var method) && method.GetString() == "Runtime.exceptionThrown")
        {
            var details = message.GetProperty("params").GetProperty("exceptionDetails");
            PageErrors.Enqueue(details.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var d) ? d.GetString()! : details.ToString());
        }
    }

    /// <summary>Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr once it listens.</summary>
    private static async Task<string> ReadDevToolsUrlAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            const string marker = "DevTools listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // Keep draining stderr so the browser never blocks on a full pipe.
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return line[(at + marker.Length)..].Trim();
            }
            seen.AppendLine(line);
        }
        throw new InvalidOperationException($"Chromium exited before it listened for DevTools:\n{seen}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await SendAsync("Browser.close", session: false).WaitAsync(close.Token);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException or InvalidOperationException or WebSocketException)
                {
                    // Killed below.
                }
            }
            await _stop.CancelAsync();
            await _receive;
        }
        finally
        {
            if (!_process.HasExited)
            {
                // Only the browser this instance started, and its own child processes.
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
            _process.Dispose();
            _socket.Dispose();
            _stop.Dispose();
            _send.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A renderer may still hold a file for a moment; the temp folder is the system's to clean.
            }
        }
    }
}
