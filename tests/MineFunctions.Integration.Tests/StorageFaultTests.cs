using System.Net;
using System.Net.Sockets;

namespace MineFunctions.Integration.Tests;

/// <summary>Operational storage faults: one sentence, exit code 3, never a stack trace.</summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task UnreachableStorage_IsOneSentence_ExitCode3()
    {
        // A loopback port that was free a moment ago: nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var closed = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var (code, output) = await MineProcess.RunToEndAsync(MineProcess.StartOn(closed, "status"));

        Assert.True(code == 3, output);
        Assert.Contains("Storage is unreachable", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task AWrongAccountKey_IsOneSentence_ExitCode3()
    {
        var wrong = System.Text.RegularExpressions.Regex.Replace(TestStorage.ConnectionString, "AccountKey=[^;]+", "AccountKey=" + Convert.ToBase64String(new byte[64]));

        var (code, output) = await MineProcess.RunToEndAsync(MineProcess.StartOn(wrong, "status"));

        Assert.True(code == 3, output);
        Assert.Contains("Storage refused the request (403", output);
        Assert.DoesNotContain("   at ", output);
    }
}
