using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MineFunctions.App.Options;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

/// <summary>
/// Every <c>%Setting%</c> a binding names must resolve where the app runs: one that does not stops
/// the real Functions host from indexing any function. Checked against the local settings sample
/// and against the app settings the Bicep deploys; the task hub likewise against host.json.
/// </summary>
public sealed partial class BindingSettingsTests
{
    /// <summary>%Name% references in the binding attributes of the app's functions (their string properties).</summary>
    private static SortedSet<string> AttributeReferences()
    {
        var references = new SortedSet<string>(StringComparer.Ordinal);
        var methods = typeof(Triggers.PageTriggers).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>() is not null);
        foreach (var method in methods)
        {
            var attributes = method.GetCustomAttributes().Concat(method.GetParameters().SelectMany(p => p.GetCustomAttributes()));
            foreach (var attribute in attributes)
            {
                foreach (var property in attribute.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0))
                    references.UnionWith(Names(property.GetValue(attribute) as string));
            }
        }
        return references;
    }

    /// <summary>%Name% references in the functions.metadata the build wrote: the bindings exactly as the host reads them.</summary>
    private static SortedSet<string> MetadataReferences()
    {
        var path = RepoPaths.Of("functions", "MineFunctions.App", "bin", RepoPaths.Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the app first.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        var references = new SortedSet<string>(StringComparer.Ordinal);
        Collect(metadata.RootElement, references);
        return references;
    }

    private static void Collect(JsonElement element, SortedSet<string> references)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Collect(property.Value, references);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, references);
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                references.UnionWith(Names(text));
                // functions.metadata holds each binding as an escaped JSON string.
                if (text.StartsWith('{')) Collect(JsonDocument.Parse(text).RootElement, references);
                break;
        }
    }

    private static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Reference().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>How the host looks a %Name% up: configuration keys, where app settings' "__" stands for ":", case-insensitive.</summary>
    private static string Key(string name) => name.Replace("__", ":", StringComparison.Ordinal).ToUpperInvariant();

    private static Dictionary<string, string> Sample() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("local.settings.sample.json"))).RootElement.GetProperty("Values")
            .EnumerateObject().ToDictionary(p => Key(p.Name), p => p.Value.GetString() ?? "");

    private static async Task<Dictionary<string, string>> Deployed() =>
        BicepCli.AppSettings(await BicepCli.SnapshotAsync()).ToDictionary(kv => Key(kv.Key), kv => kv.Value);

    private static string HostJsonHubName() =>
        TaskHubMatchesHostJson.ReadHubName(RepoPaths.Of("functions", "MineFunctions.App", "host.json"))
        ?? throw new InvalidOperationException("host.json has no hubName.");

    [Fact]
    public void TheBuildsMetadataNamesTheSameSettingsAsTheAttributes()
    {
        var attributes = AttributeReferences();

        // Known bindings, so the scan cannot pass by finding nothing.
        Assert.Contains("MineFunctions:InputContainer", attributes);
        Assert.Contains("MineFunctions:RefreshSchedule", attributes);
        Assert.Equal(attributes, MetadataReferences());
    }

    [Fact]
    public void EveryBindingSettingResolvesFromTheLocalSettingsSample()
    {
        var sample = Sample();
        Assert.All(MetadataReferences().Union(AttributeReferences()), name =>
            Assert.True(sample.TryGetValue(Key(name), out var value) && value.Length > 0,
                $"%{name}% is not set in local.settings.sample.json: the host would index no function."));
    }

    [Fact]
    public async Task EveryBindingSettingResolvesFromTheDeployedAppSettings()
    {
        var deployed = await Deployed();
        Assert.All(MetadataReferences().Union(AttributeReferences()), name =>
            Assert.True(deployed.TryGetValue(Key(name), out var value) && value.Length > 0,
                $"%{name}% is not among the app settings infra/main.bicep deploys: the host would index no function."));
    }

    [Fact]
    public async Task TheTaskHubSettingEqualsHostJsonsLiteralHubName_InTheSampleAndInTheDeployment()
    {
        var hub = HostJsonHubName();
        var setting = Key($"{MineFunctionsOptions.SectionName}:{nameof(MineFunctionsOptions.TaskHub)}");

        Assert.DoesNotContain('%', hub);
        Assert.Equal(hub, Sample()[setting]);
        Assert.Equal(hub, (await Deployed())[setting]);
    }

    [GeneratedRegex("%([^%/{}\\s]+)%")]
    private static partial Regex Reference();
}
