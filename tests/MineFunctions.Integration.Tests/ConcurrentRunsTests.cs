using MineFunctions.Cli.Demo;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Fault matrix, "two runs on the same inputs at once": two `mine run` processes started together on
/// the same inputs and task hub. Their run id is the same (it derives from the content), so one
/// starts the run and the other follows it; both end with the products of a lone run.
/// </summary>
public sealed class ConcurrentRunsTests
{
    // Two runs share the machine's cores; CI runs every test project at once on two.
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task TwoRunsOnTheSameInputsAtOnce_BothEndWithTheProductsOfALoneRun()
    {
        var input = Directory.CreateTempSubdirectory("twice-input").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        var outputs = Enumerable.Range(0, 3).Select(i => Directory.CreateTempSubdirectory($"twice-out{i}").FullName).ToArray();
        var shared = "w" + Guid.NewGuid().ToString("N")[..10];

        var first = MineProcess.RunToEndAsync(MineProcess.Start("run", "--input", input, "--out", outputs[0], "--namespace", shared, "--lease-seconds", "10"), Slow);
        var second = MineProcess.RunToEndAsync(MineProcess.Start("run", "--input", input, "--out", outputs[1], "--namespace", shared, "--lease-seconds", "10"), Slow);
        var results = await Task.WhenAll(first, second);

        // 2 started → 2 completed, 0 lost.
        Assert.All(results, r => Assert.True(r.Code == 0, r.Output));
        var runIds = results.Select(r => System.Text.RegularExpressions.Regex.Match(r.Output, @"Run id (run-[0-9a-f]+)\.").Groups[1].Value).Distinct().ToList();
        Assert.Single(runIds);

        var (lone, loneOut) = await MineProcess.RunAsync("run", "--input", input, "--out", outputs[2], "--namespace", "l" + Guid.NewGuid().ToString("N")[..10]);
        Assert.True(lone == 0, loneOut);
        await DemoProducts.AssertSameAsync(outputs[2], outputs[0]);
        await DemoProducts.AssertSameAsync(outputs[2], outputs[1]);
    }
}
