using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix, "storage killed and restarted mid-run": `mine demo` starts its own Azurite on a state
/// folder; that Azurite is killed (SIGKILL) while pairs are being processed. The CLI must end in one
/// sentence with exit code 3 and no stack trace; the same command again starts Azurite on the same
/// folder, resumes the run from its history, and ends with the products of an uninterrupted run.
/// </summary>
public sealed partial class StorageKilledMidRunTests
{
    [Fact]
    public async Task AzuriteKilledMidRun_IsOneSentence_ExitCode3_AndTheRerunEndsLikeAnUninterruptedRun()
    {
        var state = Directory.CreateTempSubdirectory("killed-state").FullName;
        var killed = Directory.CreateTempSubdirectory("killed-out").FullName;
        var clean = Directory.CreateTempSubdirectory("clean-out").FullName;
        try
        {
            var log = new StringBuilder();
            int azuritePid;
            using (var first = StartOwnAzurite(state, killed))
            {
                var stderr = first.StandardError.ReadToEndAsync();
                azuritePid = 0;
                while (await first.StandardOutput.ReadLineAsync() is { } line)
                {
                    log.AppendLine(line);
                    if (StartedAzurite().Match(line) is { Success: true } m) azuritePid = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (azuritePid > 0 && line.Contains(" ndai ", StringComparison.Ordinal)) break;
                }
                Assert.True(azuritePid > 0, "mine did not say which Azurite it started:\n" + log);
                using (var azurite = Process.GetProcessById(azuritePid)) azurite.Kill();
                log.Append(await first.StandardOutput.ReadToEndAsync());
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await first.WaitForExitAsync(timeout.Token);
                var all = log + await stderr;

                // 1 killed → 1 reported in one sentence, exit 3, no stack trace.
                Assert.True(first.ExitCode == 3, all);
                Assert.Contains($"Azurite (pid {azuritePid}), which mine started, stopped during the run.", all);
                Assert.DoesNotContain("   at ", all);
                Assert.DoesNotContain("Unhandled exception", all);
            }

            // The rerun first waits out the dead process's partition lease (unique worker ids, docs/WORKERS.md): CI's
            // parallel test projects on 2 cores need more than the default 4 minutes for that plus the work.
            var (resumedCode, resumedOut) = await MineProcess.RunToEndAsync(StartOwnAzurite(state, killed), TimeSpan.FromMinutes(12));
            Assert.True(resumedCode == 0, resumedOut);
            Assert.Contains("resuming", resumedOut);
            // The rerun's Azurite is stopped when it ends, like the first.
            var rerunPid = int.Parse(StartedAzurite().Match(resumedOut).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(MineProcess.HasExited(rerunPid), $"Azurite {rerunPid} still runs after mine ended");

            var (cleanCode, cleanOut) = await MineProcess.RunToEndAsync(
                MineProcess.Start("demo", "--assets", "1", "--size", "96", "--namespace", "k" + Guid.NewGuid().ToString("N")[..10], "--out", clean), TimeSpan.FromMinutes(12));
            Assert.True(cleanCode == 0, cleanOut);
            await DemoProducts.AssertSameAsync(clean, killed);
        }
        finally
        {
            Directory.Delete(state, true);
        }
    }

    /// <summary>`mine demo` with no MINEFUNCTIONS_STORAGE, so it starts and stops its own Azurite on <paramref name="state"/>.</summary>
    private static Process StartOwnAzurite(string state, string outDir) =>
        MineProcess.StartWithOwnAzurite("demo", "--assets", "1", "--size", "96", "--state", state, "--out", outDir, "--lease-seconds", "10");

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex StartedAzurite();
}
