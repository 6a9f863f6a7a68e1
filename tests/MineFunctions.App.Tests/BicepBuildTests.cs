using System.Text.Json;
using System.Text.RegularExpressions;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

public sealed partial class BicepBuildTests
{
    /// <summary>The Bicep CLI restored by infra/tools/bicep.proj into the NuGet packages folder.</summary>
    private static async Task<string> BicepAsync()
    {
        var project = RepoPaths.Of("infra", "tools", "bicep.proj");
        var version = BicepVersion().Match(await File.ReadAllTextAsync(project)).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            // A fresh machine that only built the solution: restore the tools project, as build.sh deps does.
            var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet", ["restore", project], RepoPaths.Root, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"dotnet restore {project} failed:\n{stdout}\n{stderr}");
        }
        Assert.True(File.Exists(bicep), $"The Bicep CLI is not at {bicep} after restoring {project}.");
        return bicep;
    }

    [Fact]
    public async Task MainBicepBuildsToAnArmTemplate()
    {
        var bicep = await BicepAsync();

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(bicep, ["build", RepoPaths.Of("infra", "main.bicep"), "--stdout"], RepoPaths.Root, TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"bicep build failed ({exit}):\n{stderr}");
        Assert.DoesNotContain("Warning", stderr, StringComparison.Ordinal);
        using var template = JsonDocument.Parse(stdout);
        Assert.Contains("deploymentTemplate.json", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParametersFileNamesOnlyParametersOfMainBicep()
    {
        var bicep = await BicepAsync();
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(bicep, ["build", RepoPaths.Of("infra", "main.bicep"), "--stdout"], RepoPaths.Root, TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, stderr);
        using var template = JsonDocument.Parse(stdout);
        var declared = template.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        using var parameters = JsonDocument.Parse(await File.ReadAllTextAsync(RepoPaths.Of("infra", "main.parameters.json")));

        Assert.All(parameters.RootElement.GetProperty("parameters").EnumerateObject(), p => Assert.Contains(p.Name, declared));
    }

    [Fact]
    public void TheInfrastructureCreatesWhatTheAppUses()
    {
        var main = File.ReadAllText(RepoPaths.Of("infra", "main.bicep"));
        var events = File.ReadAllText(RepoPaths.Of("infra", "modules", "eventgrid.bicep"));
        var defaults = new MineFunctions.App.Options.MineFunctionsOptions();

        var tables = Regex.Match(main, @"var resultTables = \[(.*)\]").Groups[1].Value.Split(',').Select(t => t.Trim().Trim('\''));
        Assert.Equal(MineFunctions.Infrastructure.Storage.Tables.TableNames.All, tables);
        Assert.Contains($"param inputContainer string = '{defaults.InputContainer}'", main, StringComparison.Ordinal);
        Assert.Contains($"param productsContainer string = '{defaults.ProductsContainer}'", main, StringComparison.Ordinal);
        Assert.Contains($"param taskHub string = '{defaults.TaskHub}'", main, StringComparison.Ordinal);
        Assert.Contains($"param refreshSchedule string = '{defaults.RefreshSchedule}'", main, StringComparison.Ordinal);
        Assert.Contains($"param functionName string = '{nameof(MineFunctions.App.Triggers.InputBlobTrigger)}'", events, StringComparison.Ordinal);
    }

    [GeneratedRegex("<BicepVersion>([^<]+)</BicepVersion>")]
    private static partial Regex BicepVersion();
}
