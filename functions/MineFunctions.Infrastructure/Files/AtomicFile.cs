namespace MineFunctions.Infrastructure.Files;

/// <summary>
/// Local output files written whole or not at all: the content goes to a hidden temporary sibling,
/// is flushed to disk, and is renamed over the target (atomic on one file system). A full disk, an
/// error or a kill mid-write leaves the previous file, or none, and never a truncated one that a
/// user or a later run could take for a product.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// A pending file: write to <see cref="PendingFile.TempPath"/>, then <see cref="PendingFile.Commit"/>;
    /// disposing without a commit deletes the temporary file.
    /// </summary>
    public static PendingFile Create(string path)
    {
        var (target, temp) = Paths(path);
        return new PendingFile(target, temp);
    }

    /// <summary>Runs <paramref name="writeTo"/> on a temporary path beside <paramref name="path"/>, then renames it over the target.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        using var pending = Create(path);
        try
        {
            writeTo(pending.TempPath);
        }
        catch (Exception ex) when (ex is IOException or Gdal.GdalException)
        {
            throw pending.Explain(ex);
        }
        pending.Commit();
    }

    /// <inheritdoc cref="Write(string, Action{string})"/>
    public static async Task WriteAsync(string path, Func<string, Task> writeTo)
    {
        var (target, temp) = Paths(path);
        try
        {
            await writeTo(temp).ConfigureAwait(false);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, async temp =>
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            // On disk before the rename, so a crash right after cannot expose an empty file.
            file.Flush(flushToDisk: true);
        });

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        using var pending = Create(path);
        using (var file = new FileStream(pending.TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        pending.Commit();
    }

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    private static (string Target, string Temp) Paths(string path)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        // Same directory (so the rename stays on one file system) and same extension (GDAL picks
        // drivers and PNG viewers nothing else by it).
        var temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(target)}.{Guid.NewGuid():N}.partial{Path.GetExtension(target)}");
        return (target, temp);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more; a leftover hidden .partial file is named as such.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A file being written under a temporary name; see <see cref="AtomicFile.Create"/>.</summary>
public sealed class PendingFile : IDisposable
{
    private bool _committed;

    internal PendingFile(string targetPath, string tempPath) => (TargetPath, TempPath) = (targetPath, tempPath);

    public string TargetPath { get; }

    public string TempPath { get; }

    /// <summary>Renames the finished temporary file over the target.</summary>
    public void Commit()
    {
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>Below this much free space after a failed write, the disk is reported as full.</summary>
    private const long NearlyFullBytes = 1 << 20;

    /// <summary>
    /// The error of a failed write, naming the target rather than the temporary file, and saying when
    /// its disk is (nearly) full: GDAL's own message for a failed write does not say why.
    /// </summary>
    public Exception Explain(Exception error)
    {
        var message = error.Message.Replace(TempPath, TargetPath, StringComparison.Ordinal);
        long? free = null;
        try
        {
            free = new DriveInfo(Path.GetDirectoryName(TargetPath)!).AvailableFreeSpace;
        }
        catch (IOException)
        {
        }
        if (free < NearlyFullBytes) return new IOException($"No space left on the disk of '{TargetPath}' ({free} bytes free): {message}", error);
        return error switch
        {
            Gdal.GdalException g => new Gdal.GdalException(message, g.CplErrorNumber),
            _ => new IOException(message, error),
        };
    }

    public void Dispose()
    {
        if (!_committed) AtomicFile.TryDelete(TempPath);
    }
}
