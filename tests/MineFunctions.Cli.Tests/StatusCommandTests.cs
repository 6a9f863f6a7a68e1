namespace MineFunctions.Cli.Tests;

/// <summary>`mine status` option errors: caught before any storage is opened.</summary>
public sealed class StatusCommandTests
{
    [Theory]
    [InlineData("--failed needs --assets", "run-1", "--failed")]
    [InlineData("--assets needs a run", "--assets")]
    [InlineData("a bad namespace", "run-1", "--namespace", "Bad_Name")]
    [InlineData("two runs", "run-1", "run-2")]
    public async Task BadOptionsAreUsageErrors(string why, params string[] args)
    {
        var (code, _, error) = await Mine.RunAsync(["status", .. args]);

        Assert.True(code == 2, $"{why}: {error}");
        Assert.False(string.IsNullOrWhiteSpace(error), why);
    }
}
