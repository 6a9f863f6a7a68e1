namespace MineFunctions.Cli.Tests;

/// <summary>`mine acquire`: its options and the errors a user gets before anything is searched or ordered.</summary>
public sealed class AcquireCommandTests
{
    [Fact]
    public async Task Help_ListsTheOptions_AndTheTokenVariable()
    {
        var (code, output, _) = await Mine.RunAsync("acquire", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--dry-run", output);
        Assert.Contains("--since DATE", output);
        Assert.Contains("MINEFUNCTIONS_EARTHDATA_TOKEN", output);
    }

    [Theory]
    [InlineData("Give one ASSET or --all", "acquire")]
    [InlineData("Give one ASSET or --all", "acquire", "a1", "--all")]
    [InlineData("Give one ASSET or --all", "acquire", "a1", "a2")]
    [InlineData("not a date", "acquire", "a1", "--since", "2021-13-01")]
    [InlineData("Looks '7x2' is not allowed", "acquire", "a1", "--looks", "7x2", "--dry-run")]
    [InlineData("Unknown HyP3 job type", "acquire", "a1", "--job-type", "INSAR_SNAP", "--dry-run")]
    [InlineData("Looks '5x1' is not allowed for INSAR_GAMMA", "acquire", "a1", "--job-type", "INSAR_GAMMA", "--dry-run")]
    [InlineData("MaxResubmits must be 0 to 10", "acquire", "a1", "--max-resubmits", "11", "--dry-run")]
    public async Task BadArguments_AreRefusedWithTheReason(string message, params string[] args)
    {
        var (code, output, error) = await Mine.RunAsync(args);
        Assert.NotEqual(0, code);
        Assert.Contains(message, output + error);
    }

    [Fact]
    public async Task OrderingWithoutAToken_IsRefusedNamingTheVariable_UnlessItIsADryRun()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MINEFUNCTIONS_EARTHDATA_TOKEN"))) return; // a developer's own token: nothing to check here
        var (code, output, error) = await Mine.RunAsync("acquire", "a1");
        Assert.NotEqual(0, code);
        Assert.Contains("MINEFUNCTIONS_EARTHDATA_TOKEN is not set", output + error);
        Assert.Contains("--dry-run works without one", output + error);
    }
}
