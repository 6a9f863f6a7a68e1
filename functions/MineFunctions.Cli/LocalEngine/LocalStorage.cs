namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The storage account the CLI works on: the connection string in <see cref="ConnectionVariable"/>
/// when set (a real account or an Azurite someone else runs), otherwise an Azurite this process
/// starts on free loopback ports and stops on dispose.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    /// <summary>Environment variable with the storage connection string used by `mine`.</summary>
    public const string ConnectionVariable = "MINEFUNCTIONS_STORAGE";

    private LocalStorage(string connectionString, AzuriteProcess? azurite)
    {
        ConnectionString = connectionString;
        Azurite = azurite;
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite this process started, or null when the connection string came from the environment.</summary>
    public AzuriteProcess? Azurite { get; }

    /// <summary>
    /// The default persistent Azurite folder, so `mine status` sees what `mine demo` or `mine run`
    /// left, and a run killed mid-way resumes on restart: $XDG_STATE_HOME/minefunctions/azurite,
    /// else ~/.local/state/minefunctions/azurite.
    /// </summary>
    public static string DefaultStateDirectory
    {
        get
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrWhiteSpace(state))
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            return Path.Combine(state, "minefunctions", "azurite");
        }
    }

    /// <summary>True when <see cref="ConnectionVariable"/> is set.</summary>
    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable));

    /// <summary>
    /// Uses <see cref="ConnectionVariable"/> if set; otherwise starts Azurite with its data in
    /// <paramref name="azuriteLocation"/> (null: a temporary folder, gone after dispose).
    /// </summary>
    public static async Task<LocalStorage> OpenAsync(string? azuriteLocation, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new LocalStorage(configured.Trim(), null);

        var azurite = await AzuriteProcess.StartAsync(azuriteLocation, cancellationToken: cancellationToken);
        log?.WriteLine($"Started Azurite (pid {azurite.ProcessId}) on 127.0.0.1 blob:{azurite.BlobPort} queue:{azurite.QueuePort} table:{azurite.TablePort}, data in {azurite.Location}");
        return new LocalStorage(azurite.ConnectionString, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null) await Azurite.DisposeAsync();
    }
}
