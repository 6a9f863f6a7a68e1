using Xunit.Abstractions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix, "transient storage 5xx and dropped connections": `mine demo` runs with its storage
/// behind <see cref="FaultInjectingProxy"/>, which answers every 13th request 503 and drops every
/// 29th. Every client (the Durable engine's queues and tables, the product blobs, the Runs and result
/// tables) must retry them: the run completes with the products of a run on storage that never failed.
/// </summary>
public sealed class TransientStorageFaultsTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A503AndDroppedConnections_AreRetried_AndTheRunEndsLikeOneWithoutFaults()
    {
        var faulted = Directory.CreateTempSubdirectory("faulted-out").FullName;
        var clean = Directory.CreateTempSubdirectory("unfaulted-out").FullName;

        await using (var proxy = await FaultInjectingProxy.StartAsync(TestStorage.ConnectionString, errorEvery: 13, dropEvery: 29))
        {
            var (code, output) = await MineProcess.RunToEndAsync(MineProcess.StartOn(proxy.ConnectionString,
                "demo", "--assets", "1", "--size", "96", "--namespace", "f" + Guid.NewGuid().ToString("N")[..10], "--out", faulted), TimeSpan.FromMinutes(15));
            log.WriteLine($"{proxy.Requests} requests; injected {proxy.InjectedErrors} × 503 and {proxy.InjectedDrops} dropped connections");
            Assert.True(code == 0, output);
            // The faults happened, and in numbers: every one of them was survived, since the run completed.
            Assert.True(proxy.InjectedErrors >= 20, $"only {proxy.InjectedErrors} errors injected");
            Assert.True(proxy.InjectedDrops >= 10, $"only {proxy.InjectedDrops} drops injected");
        }

        var (cleanCode, cleanOutput) = await MineProcess.RunAsync("demo", "--assets", "1", "--size", "96", "--namespace", "g" + Guid.NewGuid().ToString("N")[..10], "--out", clean);
        Assert.True(cleanCode == 0, cleanOutput);
        await DemoProducts.AssertSameAsync(clean, faulted);
    }
}
