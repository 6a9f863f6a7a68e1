using System.Diagnostics;

namespace MineFunctions.Integration.Tests;

/// <summary>`mine` as a separate process on the test's Azurite (MINEFUNCTIONS_STORAGE), as a user runs it.</summary>
internal static class MineProcess
{
    public static Process Start(params string[] args) => StartOn(TestStorage.ConnectionString, args);

    /// <summary>`mine` on the given storage connection string.</summary>
    public static Process StartOn(string connectionString, params string[] args) => Launch(connectionString, args);

    /// <summary>`mine` with no storage configured: it starts Azurite itself (on --state) and stops it when it ends.</summary>
    public static Process StartWithOwnAzurite(params string[] args) => Launch(null, args);

    private static Process Launch(string? connectionString, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(MineDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        if (connectionString is null) info.Environment.Remove("MINEFUNCTIONS_STORAGE");
        else info.Environment["MINEFUNCTIONS_STORAGE"] = connectionString;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start mine");
    }

    /// <summary>`mine` with no storage setting at all, so it starts (and must stop) its own Azurite.</summary>
    public static Process StartWithoutStorage(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(MineDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("MINEFUNCTIONS_STORAGE");
        return Process.Start(info) ?? throw new InvalidOperationException("could not start mine");
    }

    /// <param name="timeout">How long to wait (default 10 min: CI runs every test project at once on 2 cores); the process is killed when it passes.</param>
    public static async Task<(int Code, string Output)> RunToEndAsync(Process process, TimeSpan? timeout = null)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed, its output is complete: say what it was doing, since a hang is otherwise a bare cancellation.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                var said = await stdout + await stderr;
                throw new TimeoutException($"mine did not end within {timeout ?? TimeSpan.FromMinutes(10)}; its last output:\n{Tail(said, 6000)}");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    /// <summary>True when no process has that id any more (e.g. the Azurite a `mine` started, after it ended).</summary>
    public static bool HasExited(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];

    public static Task<(int Code, string Output)> RunAsync(params string[] args) => RunToEndAsync(Start(args));

    /// <summary>The CLI built next to this test assembly (the project references it).</summary>
    private static string MineDll()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "mine.dll");
        return File.Exists(local) ? local : throw new FileNotFoundException("mine.dll is not next to the test assembly", local);
    }
}
