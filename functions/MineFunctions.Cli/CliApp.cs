using System.Runtime.InteropServices;
using MineFunctions.Cli.Commands;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Cli;

/// <summary>
/// Dispatches `mine &lt;command&gt;`. Exit codes: 0 success, 1 failure (bad input, a failed run),
/// 2 usage error, 3 storage unreachable or refusing (wrong key, Azurite gone), 4 the state folder is
/// in use by another `mine`, 130 stopped by Ctrl+C (SIGINT), 143 stopped by SIGTERM (128 + the signal's
/// number, as a shell reports a process the signal killed). An operational fault is one sentence, never a stack trace.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] argv, TextWriter output, TextWriter error)
    {
        if (argv.Length == 0 || argv[0] is "--help" or "-h" or "help")
        {
            WriteHelp(output);
            return argv.Length == 0 ? 2 : 0;
        }

        var command = CommandCatalog.All.FirstOrDefault(c => c.Name == argv[0]);
        if (command is null)
        {
            error.WriteLine($"mine: unknown command '{argv[0]}'.");
            WriteHelp(error);
            return 2;
        }

        var args = new CliArguments(argv[1..]);
        if (args.Help)
        {
            output.WriteLine(command.Usage);
            return 0;
        }

        // Ctrl+C and SIGTERM cancel the command's token: it stops what it started (the engine, the Azurite it runs)
        // and a run stays in its history for the same command to resume. `serve` and `worker` take SIGTERM themselves
        // as a normal stop (exit 0).
        using var cts = new CancellationTokenSource();
        PosixSignal? stoppedBy = null;
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stoppedBy ??= context.Signal;
            cts.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = command is ServeCommand or WorkerCommand ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return await command.RunAsync(args, output, cts.Token);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"mine {command.Name}: {ex.Message}");
            error.WriteLine($"usage: {command.Usage}");
            return 2;
        }
        catch (OperationCanceledException ex) when (cts.IsCancellationRequested)
        {
            var signal = stoppedBy == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl+C";
            error.WriteLine(ex is RunStoppedException stopped ? $"mine {command.Name}: stopped by {signal}; {stopped.Message}" : $"mine {command.Name}: stopped by {signal}.");
            return stoppedBy == PosixSignal.SIGTERM ? 143 : 130;
        }
        catch (StateFolderBusyException ex)
        {
            error.WriteLine($"mine {command.Name}: {ex.Message}");
            return 4;
        }
        catch (Exception ex) when (StorageFault.Describe(ex) is { } fault)
        {
            error.WriteLine($"mine {command.Name}: {fault}");
            return 3;
        }
        catch (Exception ex) when (ex is GdalException or IOException or InvalidDataException or DllNotFoundException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"mine {command.Name}: {ex.Message}");
            return 1;
        }
    }

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("mine — measure open-pit mining activity from Sentinel-1 coherence and estimate emissions.");
        output.WriteLine();
        output.WriteLine("usage: mine <command> [options]      (mine <command> --help for its options)");
        output.WriteLine();
        foreach (var c in CommandCatalog.All) output.WriteLine($"  {c.Name,-12} {c.Summary}");
    }
}
