using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

public sealed class FunctionCatalogTests
{
    private static readonly Assembly App = typeof(Triggers.PageTriggers).Assembly;
    private static readonly Assembly Workflow = typeof(Workflow.InstanceIds).Assembly;

    private static List<(MethodInfo Method, string Name)> Functions() =>
        App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method, x.Attribute!.Name))
            .ToList();

    private static bool Derives(Type type, Type openGeneric)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric) return true;
        return false;
    }

    [Fact]
    public void FunctionNamesAreUnique() =>
        Assert.Equal(Functions().Count, Functions().Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    /// <summary>
    /// The published names of the trigger functions, with the route and method of each HTTP one, as
    /// written out by hand: function keys, logs, <c>AzureWebJobs.&lt;name&gt;.Disabled</c> and the
    /// Event Grid subscription refer to these names, so regrouping the classes must not change them.
    /// </summary>
    private static readonly string[] PublishedTriggers =
    [
        "AssetPairsTrigger GET assets/{asset}/pairs",
        "AssetProductTrigger GET assets/{asset}/products/{name}",
        "AssetProductsTrigger GET assets/{asset}/products",
        "AssetResultsTrigger GET assets/{asset}/results",
        "CompositePngTrigger GET assets/{asset}/composite.png",
        "ExportFileTrigger GET exports/files/{name}",
        "ExportListTrigger GET exports",
        "HealthTrigger GET health",
        "InputBlobPollingTrigger blob",
        "InputBlobTrigger blob",
        "MonthlyRefreshTrigger timer",
        "RunAssetsTrigger GET runs/{id}/assets",
        "RunListTrigger GET runs",
        "RunStatusTrigger GET runs/{id}",
        "SectorExportTrigger GET exports/{sector}.csv",
        "StartRunTrigger POST runs",
        "UiTrigger GET ui",
    ];

    private static string Describe(MethodInfo method, string name)
    {
        var attributes = method.GetParameters().SelectMany(p => p.GetCustomAttributes()).ToList();
        if (attributes.OfType<HttpTriggerAttribute>().SingleOrDefault() is { } http)
            return $"{name} {string.Join(',', (http.Methods ?? []).Select(m => m.ToUpperInvariant()))} {http.Route}";
        if (attributes.OfType<BlobTriggerAttribute>().Any()) return $"{name} blob";
        if (attributes.OfType<TimerTriggerAttribute>().Any()) return $"{name} timer";
        return $"{name} other";
    }

    [Fact]
    public void TheTriggerFunctionsKeepTheirPublishedNamesAndRoutes() =>
        Assert.Equal(PublishedTriggers,
            Functions().Where(f => f.Method.DeclaringType!.Namespace!.EndsWith(".Triggers", StringComparison.Ordinal))
                .Select(f => Describe(f.Method, f.Name)).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryWorkflowOrchestratorHasAnOrchestrationTriggerFunctionWithItsClassName()
    {
        var functions = Functions().ToDictionary(f => f.Name, f => f.Method);
        var orchestrators = Workflow.GetTypes().Where(t => !t.IsAbstract && Derives(t, typeof(TaskOrchestrator<,>)));
        Assert.All(orchestrators, o =>
        {
            Assert.True(functions.TryGetValue(o.Name, out var method), $"No [Function(nameof({o.Name}))] in DurableFunctions.cs.");
            Assert.Contains(method!.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);
        });
    }

    [Fact]
    public void EveryWorkflowActivityHasAnActivityTriggerFunctionWithItsClassName()
    {
        var functions = Functions().ToDictionary(f => f.Name, f => f.Method);
        var activities = Workflow.GetTypes().Where(t => !t.IsAbstract && Derives(t, typeof(TaskActivity<,>)));
        Assert.All(activities, a =>
        {
            Assert.True(functions.TryGetValue(a.Name, out var method), $"No [Function(nameof({a.Name}))] in DurableFunctions.cs.");
            Assert.Contains(method!.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
        });
    }

    [Fact]
    public void TheBuildsFunctionsMetadataListsEveryFunction()
    {
        var path = RepoPaths.Of("functions", "MineFunctions.App", "bin", RepoPaths.Configuration, "net10.0", "functions.metadata");

        AssertListsEveryFunction(path);
    }

    [Fact]
    public async Task PublishWritesFunctionsMetadataListingEveryFunction()
    {
        var output = Directory.CreateTempSubdirectory("minefunctions-publish-");
        try
        {
            // --no-build: the test run already built the app in this configuration; publish only lays it out.
            var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet",
                ["publish", RepoPaths.Of("functions", "MineFunctions.App"), "-c", RepoPaths.Configuration, "--no-build", "-o", output.FullName, "--nologo"],
                RepoPaths.Root, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"dotnet publish failed ({exit}):\n{stdout}\n{stderr}");

            AssertListsEveryFunction(Path.Combine(output.FullName, "functions.metadata"));
            Assert.True(File.Exists(Path.Combine(output.FullName, "host.json")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "worker.config.json")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static void AssertListsEveryFunction(string metadataPath)
    {
        Assert.True(File.Exists(metadataPath), $"{metadataPath} is missing.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var listed = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(Functions().Select(f => f.Name).Order(StringComparer.Ordinal), listed);
    }
}
