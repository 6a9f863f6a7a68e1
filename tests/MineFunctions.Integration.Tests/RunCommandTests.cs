using MineFunctions.Cli.Demo;

namespace MineFunctions.Integration.Tests;

/// <summary>`mine run` on a user's folder of asset folders, as a separate process on Azurite.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task ABrokenAsset_IsReportedWithItsReason_TheOtherAssetCompletes_AndARerunReusesTheRun()
    {
        var input = Directory.CreateTempSubdirectory("run-input").FullName;
        var output = Directory.CreateTempSubdirectory("run-output").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        // A second asset with a manifest but no polygon, and a stray file the layout does not know.
        Directory.CreateDirectory(Path.Combine(input, "broken-mine"));
        await File.WriteAllTextAsync(Path.Combine(input, "broken-mine", "asset.json"), """{"name":"Broken","commodity":"iron","iso3":"BRA","lat":-20,"lon":-44}""");
        await File.WriteAllTextAsync(Path.Combine(input, "demo-iron-a", "notes.txt"), "not an input");
        var ns = "r" + Guid.NewGuid().ToString("N")[..10];

        var (code, log) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", ns);

        Assert.True(code == 1, log); // one asset failed
        Assert.Contains("warning: demo-iron-a/notes.txt: skipped, not a file of the input layout", log);
        Assert.Matches(@"broken-mine\s+failed.*no mine polygon", log);
        Assert.Matches(@"demo-iron-a\s+succeeded", log);
        Assert.True(File.Exists(Path.Combine(output, "demo-iron-a", "activity.csv")));
        Assert.True(File.Exists(Path.Combine(output, "iron-mining_emissions-sources.csv")));

        // `mine status RUN --assets --failed` pages the failed outcomes from the Runs table.
        var runId = System.Text.RegularExpressions.Regex.Match(log, @"Run id (run-[0-9a-f]+)\.").Groups[1].Value;
        var (statusCode, failedOnly) = await MineProcess.RunAsync("status", runId, "--assets", "--failed", "--namespace", ns);
        Assert.True(statusCode == 0, failedOnly);
        Assert.Contains("Result:    2 asset(s): 1 succeeded, 1 failed", failedOnly);
        Assert.Matches(@"broken-mine\s+failed.*no mine polygon", failedOnly);
        Assert.DoesNotContain("demo-iron-a", failedOnly);
        Assert.Contains("(1 asset(s))", failedOnly);

        var (again, secondLog) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", ns);
        Assert.Equal(1, again);
        Assert.Contains("already completed", secondLog);
    }
}
