using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>
/// Azurite for the tests that read real blobs and tables: the one `./build.sh test` started
/// (MINEFUNCTIONS_TEST_STORAGE), or, when run alone with `dotnet test`, one this fixture starts from
/// the repository's node_modules on free loopback ports and stops (its own process only) afterwards.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string Variable = "MINEFUNCTIONS_TEST_STORAGE";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _azurite;
    private string? _location;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        var script = RepoPaths.Of("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"{Variable} is not set and {script} is missing: run `./build.sh test` (or `npm ci` first).");

        _location = Directory.CreateTempSubdirectory("minefunctions-app-azurite-").FullName;
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", _location,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{table}" })
            info.ArgumentList.Add(a);
        _azurite = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await IsOpenAsync(blob) && await IsOpenAsync(table)))
        {
            if (_azurite.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Azurite did not start: {await _azurite.StandardError.ReadToEndAsync()}");
            await Task.Delay(100);
        }
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            await _azurite.WaitForExitAsync();
        }
        _azurite?.Dispose();
        if (_location is not null) Directory.Delete(_location, recursive: true);
    }

    /// <summary>A name unique to one test (containers: lowercase; tables: letters and digits).</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 20, 40)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsOpenAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
