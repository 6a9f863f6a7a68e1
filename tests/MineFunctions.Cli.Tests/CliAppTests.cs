namespace MineFunctions.Cli.Tests;

public sealed class CliAppTests
{

    [Fact]
    public async Task Version_PrintsProductRuntimeAndGdalFromLibgdal()
    {
        var (code, output, _) = await Mine.RunAsync("version");
        Assert.Equal(0, code);
        Assert.Contains("MineFunctions 0.", output);
        Assert.Contains(".NET 10", output);
        Assert.Matches(@"GDAL 3\.\d+\.\d+", output);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var (code, output, _) = await Mine.RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in Commands.CommandCatalog.All) Assert.Contains(command.Name, output);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var (code, _, error) = await Mine.RunAsync("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'frobnicate'", error);
    }

    [Fact]
    public async Task UnknownOption_IsRejected_NotIgnored()
    {
        var (code, _, error) = await Mine.RunAsync("version", "--verbose");
        Assert.Equal(2, code);
        Assert.Contains("--verbose", error);
    }
}
