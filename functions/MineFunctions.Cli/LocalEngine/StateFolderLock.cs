namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// One `mine` at a time on a state folder. Two processes starting Azurite on one data folder would
/// each take the other's Azurite for an orphan, or overwrite each other's history; so the folder's
/// lock file is held exclusively (an advisory flock that the kernel releases when the holder dies,
/// even by kill -9) for as long as this process uses the folder.
/// </summary>
public sealed class StateFolderLock : IDisposable
{
    private const string FileName = "mine.lock";
    private readonly FileStream _stream;

    private StateFolderLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the folder's lock, waiting up to <paramref name="wait"/> for another `mine` to finish.</summary>
    /// <exception cref="StateFolderBusyException">Another process still holds it after the wait.</exception>
    public static async Task<StateFolderLock> AcquireAsync(string folder, TimeSpan wait, TextWriter? log, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                stream.SetLength(0);
                using (var writer = new StreamWriter(stream, leaveOpen: true)) writer.Write(Environment.ProcessId);
                stream.Flush();
                return new StateFolderLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told && log is not null)
                {
                    log.WriteLine($"Another mine is using the state folder {folder}; waiting up to {wait.TotalSeconds:0} s for it…");
                    told = true;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (IOException)
            {
                throw new StateFolderBusyException(folder, wait);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>The state folder is in use by another `mine` process (exit code 4).</summary>
public sealed class StateFolderBusyException(string folder, TimeSpan waited)
    : InvalidOperationException($"Another mine process is using the state folder {folder} (waited {waited.TotalSeconds:0} s). Wait for it to finish, or pass --state DIR for a separate one.");
