using System.Diagnostics;
using Azure.Storage.Blobs;
using MineFunctions.Cli.LocalEngine;

namespace MineFunctions.Integration.Tests;

/// <summary>Needs Node and Azurite (node_modules above the test binaries, `azurite` on PATH, or MINEFUNCTIONS_AZURITE).</summary>
public sealed class AzuriteProcessTests
{
    internal static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<string> RoundTripAsync(string connectionString, string container, string? write)
    {
        var c = new BlobContainerClient(connectionString, container);
        await c.CreateIfNotExistsAsync();
        if (write is not null) await c.GetBlobClient("x.txt").UploadAsync(BinaryData.FromString(write), overwrite: true);
        return (await c.GetBlobClient("x.txt").DownloadContentAsync()).Value.Content.ToString();
    }

    [Fact]
    public async Task StartsOnFreeLoopbackPorts_AndDisposeStopsOnlyItsOwnProcessAndTempFolder()
    {
        using var bystander = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var a = await AzuriteProcess.StartAsync();
        var b = await AzuriteProcess.StartAsync();
        try
        {
            Assert.NotEqual(a.BlobPort, b.BlobPort);
            Assert.Equal("a", await RoundTripAsync(a.ConnectionString, "cab", "a"));
            Assert.Equal("b", await RoundTripAsync(b.ConnectionString, "cab", "b"));

            await a.DisposeAsync();

            Assert.False(IsRunning(a.ProcessId));
            Assert.False(Directory.Exists(a.Location));
            Assert.True(IsRunning(b.ProcessId));
            Assert.True(IsRunning(bystander.Id));
            Assert.Equal("b", await RoundTripAsync(b.ConnectionString, "cab", null));
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            bystander.Kill();
        }
    }

    [Fact]
    public async Task PersistentFolder_KeepsDataAcrossRestarts_AndAnOrphanOnItIsStoppedFirst()
    {
        var dir = Directory.CreateTempSubdirectory("azurite-persist-test-").FullName;
        try
        {
            var first = await AzuriteProcess.StartAsync(dir);
            await RoundTripAsync(first.ConnectionString, "keep", "kept");
            // Simulate `mine` killed with -9: its Azurite is never disposed and keeps running on the
            // folder, and the kernel drops the dead process's lock on the folder.
            await Task.Delay(5500); // Azurite saves its metadata every 5 s.
            first.ReleaseFolderLockAsIfKilled();
            var second = await AzuriteProcess.StartAsync(dir);
            try
            {
                Assert.False(IsRunning(first.ProcessId));
                Assert.Equal("kept", await RoundTripAsync(second.ConnectionString, "keep", null));
            }
            finally
            {
                await second.DisposeAsync();
                await first.DisposeAsync();
            }
            Assert.True(Directory.Exists(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ASecondMineOnTheSameStateFolder_WaitsThenRefuses_AndTheFirstKeepsItsAzurite()
    {
        var dir = Directory.CreateTempSubdirectory("azurite-busy-test-").FullName;
        try
        {
            var first = await AzuriteProcess.StartAsync(dir);
            try
            {
                await RoundTripAsync(first.ConnectionString, "mine", "first");
                var log = new StringWriter();
                var ex = await Assert.ThrowsAsync<StateFolderBusyException>(() => AzuriteProcess.StartAsync(dir, lockWait: TimeSpan.FromSeconds(1), log: log));
                Assert.Contains(dir, ex.Message);
                Assert.Contains("--state", ex.Message);
                Assert.Contains("waiting", log.ToString());
                Assert.True(IsRunning(first.ProcessId));
                Assert.Equal("first", await RoundTripAsync(first.ConnectionString, "mine", null));
            }
            finally
            {
                await first.DisposeAsync();
            }

            // Once the first is done, the folder is free again.
            var next = await AzuriteProcess.StartAsync(dir, lockWait: TimeSpan.FromSeconds(1));
            await next.DisposeAsync();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
