using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MineFunctions.Workflow.Tests;

/// <summary>
/// Starts the in-process Durable Task engine on a port the OS just handed out, and tries again on a fresh one
/// when another process took it in between. The test host's own default draws a random port, which collided with
/// Azurite and Kestrel started by the other test projects running at the same time (CI failed on it once).
/// </summary>
public static class TestEngine
{
    private const int Attempts = 5;

    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register, Action<IServiceCollection>? services = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var options = new DurableTaskTestHostOptions { Port = FreeLoopbackPort(), ConfigureServices = services };
            try
            {
                return await DurableTaskTestHost.StartAsync(register, options);
            }
            catch (IOException e) when (attempt < Attempts && e.InnerException is AddressInUseException)
            {
                // Someone bound the port between our probe and Kestrel's bind: draw another.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
