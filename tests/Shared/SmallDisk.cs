using System.Diagnostics;

namespace MineFunctions.Testing;

/// <summary>A tmpfs of a given size, mounted for one test and unmounted after.</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Why a full disk cannot be injected here, or null when it can (Linux, root: CI runs as root).</summary>
    public static string? Unavailable =>
        !OperatingSystem.IsLinux() || Environment.UserName != "root" ? "a full disk is injected with a small tmpfs, which needs Linux and root" : null;

    public static SmallDisk Mount(int bytes)
    {
        var path = Directory.CreateTempSubdirectory("smalldisk").FullName;
        var (code, err) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        if (code == 0) return new SmallDisk(path);
        Directory.Delete(path);
        throw new InvalidOperationException($"mount -t tmpfs failed as root: {err.Trim()}");
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int Code, string Err) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}

/// <summary>A fact that needs <see cref="SmallDisk"/>: skipped, with the reason, where it cannot mount one.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.Unavailable is { } why) Skip = why;
    }
}
