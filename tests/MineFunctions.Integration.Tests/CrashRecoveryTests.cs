using System.Diagnostics;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// The local runner killed with SIGKILL in the middle of a run and started again completes from the
/// Durable history, with results identical to an uninterrupted run. The killed run goes a stage a call
/// (`--asset-call-pixels 0`) so that it is killed in its NDAI stage; the uninterrupted one takes the default, the
/// whole asset in one call (a worker killed inside that call: <see cref="MultipleWorkersTests"/>).
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task ARunKilledMidway_AndStartedAgain_EndsWithTheResultsOfAnUninterruptedRun()
    {
        var crashed = Directory.CreateTempSubdirectory("crash").FullName;
        var clean = Directory.CreateTempSubdirectory("clean").FullName;
        var crashNs = "c" + Guid.NewGuid().ToString("N")[..10];

        // First attempt: kill -9 as soon as the per-pair NDAI stage is under way.
        using (var first = Start(crashNs, crashed, "--asset-call-pixels", "0"))
        {
            var killed = false;
            while (await first.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.Contains(" ndai ", StringComparison.Ordinal)) continue;
                first.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
            await first.WaitForExitAsync();
            Assert.True(killed, "the run ended before the NDAI stage was seen: nothing was interrupted");
        }

        var (resumedCode, resumedOut) = await MineProcess.RunToEndAsync(Start(crashNs, crashed, "--asset-call-pixels", "0"), TimeSpan.FromMinutes(12)); // waits out the dead lease first
        Assert.True(resumedCode == 0, resumedOut);
        Assert.Contains("resuming", resumedOut);

        var (cleanCode, cleanOut) = await MineProcess.RunToEndAsync(Start("u" + Guid.NewGuid().ToString("N")[..10], clean), TimeSpan.FromMinutes(12));
        Assert.True(cleanCode == 0, cleanOut);
        await DemoProducts.AssertSameAsync(clean, crashed);
    }

    private static Process Start(string ns, string outDir, params string[] more) =>
        MineProcess.Start(["demo", "--assets", "1", "--size", "96", "--namespace", ns, "--out", outDir, "--lease-seconds", "10", .. more]);
}
