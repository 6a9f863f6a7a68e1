using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MineFunctions.Cli.Demo;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix, "SIGTERM or Ctrl+C to a running `mine run`": the command stops in one sentence with exit code 143
/// (SIGTERM) or 130 (Ctrl+C, SIGINT), stops the Azurite it started, and the same command resumes the run from its
/// history, ending with the products of an uninterrupted run. The stopped runs go a stage a call (`--asset-call-pixels 0`)
/// so that the test can stop them in a stage; the clean run takes the default, the whole asset in one call.
/// </summary>
public sealed partial class StopSignalTests
{
    private const string Resumes = "is kept in its history, and the same command resumes it.";

    [Fact]
    public async Task SigtermThenCtrlC_EachStopMineRunInOneSentence_AndTheSameCommandResumesToTheProductsOfACleanRun()
    {
        var input = Directory.CreateTempSubdirectory("signal-input").FullName;
        var state = Directory.CreateTempSubdirectory("signal-state").FullName;
        var stopped = Directory.CreateTempSubdirectory("signal-out").FullName;
        var clean = Directory.CreateTempSubdirectory("signal-clean").FullName;
        try
        {
            await DemoSample.Create(1, 96).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
            InheritedSignals.StopIgnoringSigint();

            // SIGTERM once the NDAI stage is under way, then SIGINT (what Ctrl+C sends) once the resumed run reports progress.
            var (termCode, termOut, termAzurite) = await StopMidRunAsync(Start(input, state, stopped), "TERM", line => line.Contains(" ndai ", StringComparison.Ordinal));
            Assert.True(termCode == 143, termOut);
            Assert.Matches(@"mine run: stopped by SIGTERM; run run-[0-9a-f]+ " + Regex.Escape(Resumes), termOut);
            AssertOneSentence(termOut);
            Assert.True(MineProcess.HasExited(termAzurite), $"Azurite {termAzurite}, which mine started, still runs after SIGTERM");

            var seenResume = false;
            var (intCode, intOut, intAzurite) = await StopMidRunAsync(Start(input, state, stopped), "INT", line =>
                (seenResume |= line.Contains("resuming", StringComparison.Ordinal)) && Progress().IsMatch(line));
            Assert.True(intCode == 130, intOut);
            Assert.Matches(@"mine run: stopped by Ctrl\+C; run run-[0-9a-f]+ " + Regex.Escape(Resumes), intOut);
            AssertOneSentence(intOut);
            Assert.True(MineProcess.HasExited(intAzurite), $"Azurite {intAzurite}, which mine started, still runs after Ctrl+C");

            // The same command again: resumes (after the stopped process's leases), completes, stops its Azurite.
            var (resumedCode, resumedOut) = await MineProcess.RunToEndAsync(Start(input, state, stopped), TimeSpan.FromMinutes(12));
            Assert.True(resumedCode == 0, resumedOut);
            Assert.Contains("resuming", resumedOut);
            Assert.True(MineProcess.HasExited(AzuritePid(resumedOut)), "Azurite still runs after the resumed mine ended");

            var (cleanCode, cleanOut) = await MineProcess.RunToEndAsync(
                MineProcess.Start("run", "--input", input, "--out", clean, "--namespace", "s" + Guid.NewGuid().ToString("N")[..10]), TimeSpan.FromMinutes(12));
            Assert.True(cleanCode == 0, cleanOut);
            await DemoProducts.AssertSameAsync(clean, stopped);
        }
        finally
        {
            Directory.Delete(state, true);
            Directory.Delete(input, true);
        }
    }

    /// <summary>Reads the run's output until <paramref name="stopAt"/> holds for a line, sends the signal to `mine` only, and waits for it to end.</summary>
    private static async Task<(int Code, string Output, int AzuritePid)> StopMidRunAsync(Process mine, string signal, Func<string, bool> stopAt)
    {
        using (mine)
        {
            var stderr = mine.StandardError.ReadToEndAsync();
            var log = new StringBuilder();
            var signalled = false;
            while (await mine.StandardOutput.ReadLineAsync() is { } line)
            {
                log.AppendLine(line);
                if (!stopAt(line)) continue;
                using (var kill = Process.Start("kill", [$"-{signal}", mine.Id.ToString(CultureInfo.InvariantCulture)]))
                    await kill.WaitForExitAsync();
                signalled = true;
                break;
            }
            log.Append(await mine.StandardOutput.ReadToEndAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await mine.WaitForExitAsync(timeout.Token);
            var all = log + await stderr;
            Assert.True(signalled, "the run ended before it could be signalled:\n" + all);
            return (mine.ExitCode, all, AzuritePid(all));
        }
    }

    private static void AssertOneSentence(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Exception:", output);
    }

    private static Process Start(string input, string state, string outDir) =>
        MineProcess.StartWithOwnAzurite("run", "--input", input, "--state", state, "--out", outDir, "--lease-seconds", "10", "--asset-call-pixels", "0");

    private static int AzuritePid(string output) =>
        StartedAzurite().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("mine did not say which Azurite it started:\n" + output);

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex StartedAzurite();

    [GeneratedRegex(@"^\[\d\d:\d\d\] ")]
    private static partial Regex Progress();
}
