using System.ComponentModel.DataAnnotations;
using MineFunctions.App.Options;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

public sealed class TaskHubMatchesHostJsonTests
{
    private static string HostJson(string durableTask)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("minefunctions-hostjson-").FullName, "host.json");
        File.WriteAllText(path, $$"""
            {
              // comments are allowed, as the host allows them
              "version": "2.0",
              "extensions": { "durableTask": { {{durableTask}} } }
            }
            """);
        return path;
    }

    private static ValidateOutcome Check(string hostJsonPath, string taskHub)
    {
        var result = new TaskHubMatchesHostJson(hostJsonPath).Validate(null, new MineFunctionsOptions { TaskHub = taskHub });
        Directory.Delete(Path.GetDirectoryName(hostJsonPath)!, recursive: true);
        return new(result.Succeeded, result.FailureMessage ?? "");
    }

    private sealed record ValidateOutcome(bool Succeeded, string Message);

    [Fact]
    public void TheSameLiteralNamePasses() =>
        Assert.True(Check(HostJson("\"hubName\": \"minefunctions\""), "minefunctions").Succeeded);

    [Fact]
    public void ADifferentSettingFailsNamingBothValues()
    {
        var outcome = Check(HostJson("\"hubName\": \"minefunctions\""), "otherhub");

        Assert.False(outcome.Succeeded);
        Assert.Contains("'otherhub'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("'minefunctions'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("MineFunctions__TaskHub", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASettingReferenceInHostJsonFails_TheScaleControllerCannotResolveIt()
    {
        var outcome = Check(HostJson("\"hubName\": \"%MineFunctions:TaskHub%\""), "minefunctions");

        Assert.False(outcome.Succeeded);
        Assert.Contains("literal", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingHubNameFails() =>
        Assert.False(Check(HostJson("\"maxConcurrentActivityFunctions\": 4"), "minefunctions").Succeeded);

    [Fact]
    public void TheAppsOwnHostJsonNamesTheDefaultHub() =>
        Assert.Equal(new MineFunctionsOptions().TaskHub, TaskHubMatchesHostJson.ReadHubName(RepoPaths.Of("functions", "MineFunctions.App", "host.json")));

    [Theory]
    [InlineData(3, true)]
    [InlineData(45, true)]
    [InlineData(46, false)]
    [InlineData(2, false)]
    public void TheOptionsAllowTaskHubNamesOf3To45Characters(int length, bool valid)
    {
        var options = new MineFunctionsOptions { TaskHub = "h" + new string('1', length - 1) };
        var context = new ValidationContext(options) { MemberName = nameof(MineFunctionsOptions.TaskHub) };

        Assert.Equal(valid, Validator.TryValidateProperty(options.TaskHub, context, []));
    }
}
