using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix, "storage killed and restarted mid-run": `mine demo` starts its own Azurite on a state
/// folder; that Azurite is killed (SIGKILL) while pairs are being processed, once it has saved the run (it saves every
/// 5 s: two mines of 512², so that the run lasts longer than that). The CLI must end in one
/// sentence with exit code 3 and no stack trace; the same command again starts Azurite on the same
/// folder, resumes the run from its history, and ends with the products of an uninterrupted run. The killed run goes a
/// stage a call (`--asset-call-pixels 0`) so that the test can kill it in a stage; the clean run takes the default, the
/// whole asset in one call.
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
                (azuritePid, var pending) = await UntilSavedMidRunAsync(first, state, log);
                Assert.True(azuritePid > 0, "mine did not say which Azurite it started:\n" + log);
                using (var azurite = Process.GetProcessById(azuritePid))
                {
                    azurite.Kill();
                    await azurite.WaitForExitAsync();
                }
                // What the rerun finds on disk: the run still running, so that it can only end by resuming it.
                Assert.Equal("Running", SavedRunStatus(state, log.ToString()));
                if (await pending is { } read) log.AppendLine(read);
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
            // The rerun's engine starts before its upload ends and may finish the resumed run before the command looks at it.
            Assert.True(resumedOut.Contains("resuming", StringComparison.Ordinal) || resumedOut.Contains("already completed: reusing its results", StringComparison.Ordinal),
                "the rerun did not resume the run:\n" + resumedOut);
            // The rerun's Azurite is stopped when it ends, like the first.
            var rerunPid = int.Parse(StartedAzurite().Match(resumedOut).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(MineProcess.HasExited(rerunPid), $"Azurite {rerunPid} still runs after mine ended");

            var (cleanCode, cleanOut) = await MineProcess.RunToEndAsync(
                MineProcess.Start("demo", "--assets", "2", "--size", "512", "--namespace", "k" + Guid.NewGuid().ToString("N")[..10], "--out", clean), TimeSpan.FromMinutes(12));
            Assert.True(cleanCode == 0, cleanOut);
            await DemoProducts.AssertSameAsync(clean, killed);
        }
        finally
        {
            Directory.Delete(state, true);
        }
    }

    /// <summary>
    /// Reads the run's output until Azurite has saved its tables to disk after the NDAI stage was seen under way (it saves
    /// every 5 s: a kill before that could leave the run's state from before it, or a run already done), no asset finished yet;
    /// returns the pid of the Azurite mine started, and the read of the next line, still pending.
    /// </summary>
    private static async Task<(int Pid, Task<string?> Pending)> UntilSavedMidRunAsync(Process mine, string state, StringBuilder log)
    {
        var (pid, ndaiSeen) = (0, (DateTime?)null);
        var tables = Path.Combine(state, "__azurite_db_table__.json");
        var next = mine.StandardOutput.ReadLineAsync();
        while (true)
        {
            if (await Task.WhenAny(next, Task.Delay(100)) == next)
            {
                var line = await next ?? throw new Xunit.Sdk.XunitException("the run ended before Azurite could be killed mid-run:\n" + log);
                log.AppendLine(line);
                if (StartedAzurite().Match(line) is { Success: true } m) pid = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (ndaiSeen is null && line.Contains(" ndai ", StringComparison.Ordinal)) ndaiSeen = DateTime.UtcNow;
                if (line.Contains(" succeeded ", StringComparison.Ordinal)) throw new Xunit.Sdk.XunitException("an asset finished before Azurite saved the run:\n" + log);
                next = mine.StandardOutput.ReadLineAsync();
            }
            if (pid > 0 && ndaiSeen is { } seen && File.Exists(tables) && File.GetLastWriteTimeUtc(tables) > seen) return (pid, next);
        }
    }

    /// <summary>The run's RuntimeStatus in the Instances table Azurite saved on <paramref name="state"/> (its LokiJS file).</summary>
    private static string? SavedRunStatus(string state, string log)
    {
        var runId = RunningAs().Match(log) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("mine did not name its run:\n" + log);
        using var saved = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(state, "__azurite_db_table__.json")));
        return saved.RootElement.GetProperty("collections").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString()!.EndsWith("Instances", StringComparison.Ordinal))
            .SelectMany(c => c.GetProperty("data").EnumerateArray())
            .Select(r => r.GetProperty("properties"))
            .Where(p => p.TryGetProperty("PartitionKey", out var key) && key.GetString() == runId)
            .Select(p => p.GetProperty("RuntimeStatus").GetString())
            .SingleOrDefault();
    }

    [GeneratedRegex(@"Running the workflow \(\w+\) as ([\w-]+):")]
    private static partial Regex RunningAs();

    /// <summary>`mine demo` with no MINEFUNCTIONS_STORAGE, so it starts and stops its own Azurite on <paramref name="state"/>.</summary>
    private static Process StartOwnAzurite(string state, string outDir) =>
        MineProcess.StartWithOwnAzurite("demo", "--assets", "2", "--size", "512", "--state", state, "--out", outDir, "--lease-seconds", "10", "--asset-call-pixels", "0");

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex StartedAzurite();
}
