using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// An Azurite (Blob, Queue, Table emulator) process this program started on free loopback ports.
/// It stops only that process (by the pid it started: SIGTERM, a grace period, then SIGKILL) and
/// deletes its data folder only when it created a temporary one. With a persistent folder, state
/// survives a crash of `mine`; an Azurite orphaned by such a crash (recorded in the folder's pid
/// file, still running on that very folder) is stopped before a new one starts on it, since two
/// emulators on one folder would corrupt it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, not a secret).</summary>
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Environment variable naming azurite.js (or an azurite executable) explicitly.</summary>
    public const string ScriptVariable = "MINEFUNCTIONS_AZURITE";

    private const string PidFileName = "azurite.pid";
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly bool _ownsLocation;
    private readonly LinkedList<string> _output;
    private bool _disposed;

    private AzuriteProcess(Process process, string location, bool ownsLocation, int blobPort, int queuePort, int tablePort, LinkedList<string> output)
    {
        _process = process;
        ProcessId = process.Id;
        Location = location;
        _ownsLocation = ownsLocation;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _output = output;
    }

    /// <summary>The pid this instance started (kept after dispose, for checks and logs).</summary>
    public int ProcessId { get; }

    public string Location { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>The devstoreaccount1 connection string with explicit endpoints (UseDevelopmentStorage=true would assume fixed ports).</summary>
    public string ConnectionString => BuildConnectionString(BlobPort, QueuePort, TablePort);

    public static string BuildConnectionString(int blobPort, int queuePort, int tablePort) =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");

    /// <summary>
    /// Starts Azurite. <paramref name="location"/>: a folder to keep its data in (created if
    /// missing, kept afterwards), or null for a temporary folder deleted on dispose.
    /// </summary>
    /// <param name="lockWait">How long to wait for another `mine` that holds <paramref name="location"/> (<see cref="StateFolderLock"/>).</param>
    public static async Task<AzuriteProcess> StartAsync(string? location = null, TimeSpan? startTimeout = null, CancellationToken cancellationToken = default, TimeSpan? lockWait = null, TextWriter? log = null)
    {
        var (fileName, prefixArgs) = FindAzurite();
        var ownsLocation = location is null;
        var dir = location is null
            ? Directory.CreateTempSubdirectory("minefunctions-azurite-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(location)).FullName;
        // Held from here until dispose: only an Azurite whose owner died can be taken for an orphan.
        var folderLock = ownsLocation ? null : await StateFolderLock.AcquireAsync(dir, lockWait ?? DefaultLockWait, log, cancellationToken);
        try
        {
            if (!ownsLocation) await StopOrphanAsync(dir);
            // Free ports are picked by binding port 0; another process could take one before Azurite
            // binds it, so a failed start is retried on fresh ports.
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    var started = await StartOnceAsync(fileName, prefixArgs, dir, ownsLocation, startTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
                    started._folderLock = folderLock;
                    return started;
                }
                catch (AzuriteStartException ex)
                {
                    last = ex;
                }
            }
            throw new InvalidOperationException($"Azurite did not start: {last?.Message}", last);
        }
        catch
        {
            folderLock?.Dispose();
            if (ownsLocation) TryDeleteDirectory(dir);
            throw;
        }
    }

    /// <summary>How long a second `mine` waits for the state folder before it refuses.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(30);

    private StateFolderLock? _folderLock;

    /// <summary>
    /// What the kernel does when the owning `mine` is killed: the folder's lock goes, Azurite keeps
    /// running. For tests of orphan handling inside one process.
    /// </summary>
    internal void ReleaseFolderLockAsIfKilled()
    {
        _folderLock?.Dispose();
        _folderLock = null;
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string fileName, IReadOnlyList<string> prefixArgs, string dir, bool ownsLocation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ports = FreePorts(3);
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefixArgs) psi.ArgumentList.Add(a);
        // No telemetry: Azurite would otherwise report every request to Microsoft on the user's behalf, and building
        // those reports costs it processor time on every request of a run (docs/BENCHMARKS.md, "Where the time goes").
        foreach (var a in new[]
                 {
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", dir,
                     "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
                 })
        {
            psi.ArgumentList.Add(a);
        }

        var output = new LinkedList<string>();
        var process = new Process { StartInfo = psi };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null) return;
            lock (output)
            {
                output.AddLast(e.Data);
                if (output.Count > 50) output.RemoveFirst();
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run '{fileName}': {ex.Message}. Install Azurite (./build.sh deps) or set MINEFUNCTIONS_STORAGE to a storage connection string.", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, dir, ownsLocation, ports[0], ports[1], ports[2], output);

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var log = azurite.RecentOutput();
                await azurite.DisposeAsync();
                throw new AzuriteStartException($"Azurite exited with code {process.ExitCode}: {log}");
            }
            if (await AllListeningAsync(ports, cancellationToken)) break;
            if (deadline.Elapsed > timeout)
            {
                var log = azurite.RecentOutput();
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not open its ports within {timeout.TotalSeconds:0} s: {log}");
            }
            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await azurite.DisposeAsync();
                throw;
            }
        }

        if (!ownsLocation) await File.WriteAllTextAsync(Path.Combine(dir, PidFileName), process.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        return azurite;
    }

    /// <summary>The last lines Azurite printed (for error messages).</summary>
    public string RecentOutput()
    {
        lock (_output) return _output.Count == 0 ? "(no output)" : string.Join(" | ", _output);
    }

    /// <summary>Stops the process this instance started: SIGTERM (Azurite flushes), up to 5 s, then SIGKILL.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopAsync(ProcessId, () => _process.HasExited, () => _process.Kill(), TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }
        catch (OperationCanceledException)
        {
            // Reaped later by the runtime; nothing else to do.
        }
        _process.Dispose();
        var pidFile = Path.Combine(Location, PidFileName);
        if (!_ownsLocation && File.Exists(pidFile)) File.Delete(pidFile);
        _folderLock?.Dispose();
        if (_ownsLocation) TryDeleteDirectory(Location);
    }

    /// <summary>
    /// Where Azurite is: <see cref="ScriptVariable"/>; else node_modules/azurite/dist/src/azurite.js
    /// in the nearest folder above the executable (or the current folder) that has one; else `azurite` on PATH.
    /// </summary>
    internal static (string FileName, IReadOnlyList<string> PrefixArgs) FindAzurite()
    {
        var configured = Environment.GetEnvironmentVariable(ScriptVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured)) throw new InvalidOperationException($"{ScriptVariable} names '{configured}', which does not exist.");
            return configured.EndsWith(".js", StringComparison.Ordinal) ? ("node", [configured]) : (configured, []);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(script)) return ("node", [script]);
            }
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "azurite")).FirstOrDefault(File.Exists);
        return onPath is not null
            ? (onPath, [])
            : throw new InvalidOperationException(
                "Azurite was not found (node_modules/azurite above this program, or `azurite` on PATH). " +
                "Run ./build.sh deps, or set MINEFUNCTIONS_STORAGE to a storage connection string.");
    }

    /// <summary>
    /// A previous `mine` killed with -9 leaves its Azurite running on the folder. That process is
    /// stopped only when the pid file names it and its command line shows azurite on this exact folder.
    /// </summary>
    private static async Task StopOrphanAsync(string dir)
    {
        var pidFile = Path.Combine(dir, PidFileName);
        if (!File.Exists(pidFile)) return;
        if (int.TryParse(await File.ReadAllTextAsync(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && IsAzuriteOn(pid, dir))
        {
            using var orphan = Process.GetProcessById(pid);
            await StopAsync(pid, () => orphan.HasExited, () => orphan.Kill(), TimeSpan.FromSeconds(5));
        }
        File.Delete(pidFile);
    }

    private static bool IsAzuriteOn(int pid, string dir)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var i = Array.IndexOf(cmdline, "--location");
            return cmdline.Any(a => a.Contains("azurite", StringComparison.Ordinal)) && i >= 0 && i + 1 < cmdline.Length
                && Path.GetFullPath(cmdline[i + 1]) == dir;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task StopAsync(int pid, Func<bool> hasExited, Action kill, TimeSpan grace)
    {
        try
        {
            if (hasExited()) return;
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = SendSignal(pid, SigTerm);
            var waited = Stopwatch.StartNew();
            while (!hasExited() && waited.Elapsed < grace) await Task.Delay(100);
            if (!hasExited()) kill();
        }
        catch (InvalidOperationException)
        {
            // The process is gone already.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int[] FreePorts(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var l in listeners) l?.Stop();
        }
    }

    private static async Task<bool> AllListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return true;
    }

    private static void TryDeleteDirectory(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class AzuriteStartException(string message) : Exception(message);
}
