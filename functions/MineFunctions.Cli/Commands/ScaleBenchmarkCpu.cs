using System.Diagnostics;
using System.Runtime;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// Processor time spent during one part of `mine bench scale`: this process's (and of it the JIT's, with
/// the number of methods it compiled; the garbage collector's pauses and the bytes allocated) and, when the
/// runner started one, Azurite's. On two cores the end-to-end run is bound by processor time, not by waiting,
/// so this says where its time goes.
/// </summary>
internal sealed record ScaleBenchmarkCpu(double ProcessSeconds, double JitSeconds, long JitMethods, double? AzuriteSeconds, double GcPauseSeconds, long AllocatedBytes)
{
    /// <summary>Counters now; <see cref="Since"/> gives the difference.</summary>
    public static ScaleBenchmarkCpu Now(int? azuriteProcessId) => new(
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        JitInfo.GetCompilationTime().TotalSeconds,
        JitInfo.GetCompiledMethodCount(),
        AzuriteSecondsOf(azuriteProcessId),
        GC.GetTotalPauseDuration().TotalSeconds,
        GC.GetTotalAllocatedBytes());

    public ScaleBenchmarkCpu Since(ScaleBenchmarkCpu start) => new(
        ProcessSeconds - start.ProcessSeconds,
        JitSeconds - start.JitSeconds,
        JitMethods - start.JitMethods,
        AzuriteSeconds - start.AzuriteSeconds,
        GcPauseSeconds - start.GcPauseSeconds,
        AllocatedBytes - start.AllocatedBytes);

    private static double? AzuriteSecondsOf(int? processId)
    {
        if (processId is not { } id) return null;
        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
