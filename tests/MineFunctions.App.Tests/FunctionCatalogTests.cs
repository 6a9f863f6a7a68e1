using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

public sealed class FunctionCatalogTests
{
    private static readonly Assembly App = typeof(Triggers.HealthTrigger).Assembly;
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

    [Fact]
    public void EveryTriggerClassFunctionIsNamedAfterItsClass() =>
        Assert.All(Functions().Where(f => f.Method.DeclaringType!.Namespace!.EndsWith(".Triggers", StringComparison.Ordinal)),
            f => Assert.Equal(f.Method.DeclaringType!.Name, f.Name));

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
