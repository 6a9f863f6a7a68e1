using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MineFunctions.App.Hosting;
using MineFunctions.App.Options;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Resilience;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Tests;

public sealed class ConfigurationTests
{
    /// <summary>Settings read outside the options classes: by the Functions host, or by GDAL loading.</summary>
    private static readonly string[] HostSettings =
    [
        "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", GdalLibrary.OverrideVariable,
        // Which of the two input-blob sources runs (InputBlobSourcesTests checks the values).
        $"AzureWebJobs.{Triggers.InputBlobTriggers.EventGridFunction}.Disabled", $"AzureWebJobs.{Triggers.InputBlobTriggers.PollingFunction}.Disabled",
    ];

    private static readonly JsonElement Sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local.settings.sample.json"))).RootElement;

    private static Dictionary<string, string?> SampleValues() =>
        Sample.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());

    /// <summary>Every options class the app binds: public types named *Options with a SectionName constant.</summary>
    private static IEnumerable<Type> OptionsTypes() =>
        new[] { typeof(MineFunctionsOptions).Assembly, typeof(RasterWorkOptions).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("SectionName")?.IsLiteral == true);

    private static string SectionOf(Type t) => (string)t.GetField("SectionName")!.GetRawConstantValue()!;

    private static IEnumerable<PropertyInfo> Bound(Type t) => t.GetProperties().Where(p => p.CanWrite && p.GetSetMethod() is not null);

    private static IConfiguration SampleConfiguration(Action<Dictionary<string, string?>>? change = null)
    {
        var values = SampleValues().ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => kv.Value);
        change?.Invoke(values);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public void TheSampleSettingsListExactlyTheSettingsTheAppBinds()
    {
        var expected = OptionsTypes()
            .SelectMany(t => Bound(t).Select(p => SectionOf(t).Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name))
            .Concat(HostSettings)
            .Order(StringComparer.Ordinal);

        Assert.Contains(typeof(MineFunctionsOptions), OptionsTypes());
        Assert.Equal(expected, SampleValues().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EverySampleSettingIsExplained() =>
        Assert.Equal(
            SampleValues().Keys.Order(StringComparer.Ordinal),
            Sample.GetProperty("_explain").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void TheSampleValuesAreTheOptionsDefaults()
    {
        var configuration = SampleConfiguration();
        foreach (var type in OptionsTypes())
        {
            var defaults = Activator.CreateInstance(type)!;
            var bound = configuration.GetSection(SectionOf(type)).Get(type) ?? Activator.CreateInstance(type)!;
            foreach (var property in Bound(type))
            {
                Assert.True(Equals(property.GetValue(defaults), property.GetValue(bound)),
                    $"{type.Name}.{property.Name}: sample '{property.GetValue(bound)}' differs from default '{property.GetValue(defaults)}'.");
            }
        }
    }

    [Fact]
    public void TheSampleSettingsPassStartValidationAndEveryOptionsClassIsRegistered()
    {
        var configuration = SampleConfiguration();
        using var provider = new ServiceCollection().AddSingleton(configuration).AddMineFunctionsApp(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var type in OptionsTypes())
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            Assert.NotNull(options.GetType().GetProperty("Value")!.GetValue(options));
        }
    }

    [Fact]
    public void ConfiguredGdalSettings_ReachTheRasterReadsOfTheActivities()
    {
        var configuration = SampleConfiguration(v => v["Gdal:MaxBufferBytes"] = "123456");
        using var provider = new ServiceCollection().AddSingleton(configuration).AddMineFunctionsApp(configuration).BuildServiceProvider();
        var storage = provider.GetRequiredService<MineFunctions.Workflow.Storage.PipelineStorage>();
        Assert.Equal(123456, storage.ReadOptions.MaxBufferBytes);
    }

    [Fact]
    public void TheCompositionRootBuildsEveryTriggerAndEveryWorkflowActivity()
    {
        var configuration = SampleConfiguration();
        using var provider = new ServiceCollection().AddLogging().AddSingleton(configuration).AddMineFunctionsApp(configuration).BuildServiceProvider();
        var triggers = typeof(MineFunctionsOptions).Assembly.GetTypes()
            .Where(t => t.Namespace == "MineFunctions.App.Triggers" && t.IsPublic && !t.IsAbstract);

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.NotNull(ActivatorUtilities.CreateInstance(provider, t)));
        Assert.All(MineFunctions.Workflow.WorkflowRegistration.Activities, t => Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(provider, t)));
    }

    [Theory]
    [InlineData("MineFunctions:TaskHub", "x", "TaskHub")]
    // 46 characters: the Azure Storage provider's limit is 45.
    [InlineData("MineFunctions:TaskHub", "minefunctionsminefunctionsminefunctionsminefun", "TaskHub")]
    // Valid, but not host.json's hubName, the hub the host actually uses.
    [InlineData("MineFunctions:TaskHub", "otherhub", "host.json")]
    [InlineData("MineFunctions:InputContainer", "Mine_Input", "InputContainer")]
    [InlineData("MineFunctions:RefreshSchedule", "0 3 1 * *", "RefreshSchedule")]
    [InlineData("MineFunctions:StaleRunAge", "00:00:01", "StaleRunAge")]
    [InlineData("MineFunctions:Pipeline:PairMeanMin", "1.5", "PairMeanMin")]
    [InlineData("MineFunctions:Pipeline:TemporalBaselinesDays", "12;24", "TemporalBaselinesDays")]
    [InlineData("MineFunctions:Pipeline:ClassRule", "rgb", "ClassRule")]
    [InlineData("MineFunctions:RasterWork:MaxConcurrentRasterJobs", "0", "MaxConcurrentRasterJobs")]
    [InlineData("MineFunctions:ProductsContainer", "mine-input", "containers must differ")]
    [InlineData("MineFunctions:Pipeline:WindowX", "0", "WindowX")]
    public void GivenAnInvalidSetting_ThenStartValidationFailsNamingIt(string key, string value, string member)
    {
        var configuration = SampleConfiguration(v => v[key] = value);
        using var provider = new ServiceCollection().AddSingleton(configuration).AddMineFunctionsApp(configuration).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineOptionsHaveASettingForEveryPipelineSetting()
    {
        var options = typeof(PipelineOptions).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.All(typeof(PipelineSettings).GetProperties(), p => Assert.Contains(p.Name, options));
    }

    [Fact]
    public void DefaultPipelineOptionsSnapshotToTheDefaultPipelineSettings() =>
        Assert.Equal(JsonSerializer.Serialize(new PipelineSettings()), JsonSerializer.Serialize(new PipelineOptions().ToSettings()));

    [Fact]
    public void ConfiguredPipelineOptionsReachTheSnapshot()
    {
        var configuration = SampleConfiguration(v =>
        {
            v["MineFunctions:Pipeline:PixelAreaM2"] = "100";
            v["MineFunctions:Pipeline:TemporalBaselinesDays"] = "12";
            v["MineFunctions:Pipeline:YearAssignment"] = "reference";
        });

        var settings = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>()!.ToSettings();

        Assert.Equal(100, settings.PixelAreaM2);
        Assert.Equal([12], settings.TemporalBaselinesDays);
        Assert.Equal("reference", settings.YearAssignment);
        Assert.Equal(double.Parse("0.8", CultureInfo.InvariantCulture), settings.PairMeanMin);
    }
}
