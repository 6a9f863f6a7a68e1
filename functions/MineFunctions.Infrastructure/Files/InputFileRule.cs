using System.Runtime.InteropServices;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Infrastructure.Files;

/// <summary>
/// The one rule for a local file a user hands in (`mine run`'s upload, the CSVs of `mine estimate`
/// and `mine activity`): it is a regular file, reached without a symbolic link, and no larger than the
/// bound of its kind (<see cref="InputLimits"/>). A link could point anywhere (a `production.csv`
/// linked to `/etc/passwd` was once uploaded); a FIFO or device would block or never end.
/// </summary>
public static partial class InputFileRule
{
    /// <summary>Why <paramref name="path"/> is no acceptable input file, or null when it is a regular file (links not followed).</summary>
    public static string? Refusal(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target) return $"a symbolic link (to {target}), not followed";
        if (Directory.Exists(path)) return "a folder, not a file";
        if (!info.Exists) return "not found";
        return Kind(path) is { } kind ? $"{kind}, not a regular file" : null;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when <paramref name="path"/> breaks the rule or is larger than <paramref name="maxBytes"/>.</summary>
    public static void Check(string path, long maxBytes)
    {
        if (Refusal(path) is { } reason)
        {
            if (reason == "not found") throw new FileNotFoundException($"Input file not found: {path}", path);
            throw new InvalidDataException($"{path}: {reason}; pass the file itself.");
        }
        InputLimits.CheckSize(path, new FileInfo(path).Length, maxBytes);
    }

    /// <summary>
    /// The kind of a non-regular file (FIFO, device, socket), or null for a regular one. .NET reports
    /// these as plain files, so the type comes from lstat through the runtime's own portable shim
    /// (System.Native, whose FileStatus has the same layout on every Unix: Flags, then Mode).
    /// </summary>
    private static string? Kind(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        Span<byte> status = stackalloc byte[256];
        int result;
        try
        {
            result = LStat(path, ref MemoryMarshal.GetReference(status));
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a runtime without the shim: links and folders are still refused above
        }
        if (result != 0) return null;
        var mode = MemoryMarshal.Read<int>(status[4..]) & 0xF000;
        return mode switch
        {
            0x8000 or 0x4000 or 0xA000 => null, // regular file; folders and links are told apart above
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "a special file",
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte status);
}
