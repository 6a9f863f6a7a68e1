using System.Text.Json;
using System.Text.RegularExpressions;

namespace MineFunctions.App.Tests.TestSupport;

/// <summary>The Bicep CLI restored by infra/tools/bicep.proj into the NuGet packages folder, and what the tests run with it.</summary>
public static partial class BicepCli
{
    /// <summary>Image tag the tests deploy with (main.bicepparam reads it from the environment).</summary>
    public const string TestImageTag = "0123456789ab";

    /// <summary>Path of the bicep executable, restoring the tools project first on a machine that only built the solution.</summary>
    public static async Task<string> PathAsync()
    {
        var project = RepoPaths.Of("infra", "tools", "bicep.proj");
        var version = BicepVersion().Match(await File.ReadAllTextAsync(project)).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            // As build.sh deps does.
            var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet", ["restore", project], RepoPaths.Root, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"dotnet restore {project} failed:\n{stdout}\n{stderr}");
        }
        Assert.True(File.Exists(bicep), $"The Bicep CLI is not at {bicep} after restoring {project}.");
        return bicep;
    }

    /// <summary>Runs bicep with <paramref name="arguments"/> from the repository root, the test image tag in the environment.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments) =>
        await ProcessRunner.RunAsync(await PathAsync(), arguments, RepoPaths.Root, TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["MINEFUNCTIONS_IMAGE_TAG"] = TestImageTag });

    /// <summary>
    /// The resources infra/main.bicepparam would deploy into resource group <paramref name="resourceGroup"/>,
    /// every expression Bicep can evaluate offline evaluated (<c>bicep snapshot</c>). Runs on a copy of
    /// infra/ and host.json so the snapshot file is never written into the repository.
    /// </summary>
    public static Task<JsonElement> SnapshotAsync(string resourceGroup = "minefunctions-rg", bool fresh = false) =>
        // One snapshot per resource group and test run (each takes seconds), unless a test asks for a new one.
        fresh ? TakeSnapshotAsync(resourceGroup) : Snapshots.GetOrAdd(resourceGroup, rg => new Lazy<Task<JsonElement>>(() => TakeSnapshotAsync(rg))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<JsonElement>>> Snapshots = new(StringComparer.Ordinal);

    private static async Task<JsonElement> TakeSnapshotAsync(string resourceGroup)
    {
        var copy = Directory.CreateTempSubdirectory("minefunctions-bicep-");
        try
        {
            CopyTree(RepoPaths.Of("infra"), Path.Combine(copy.FullName, "infra"));
            var hostJson = Path.Combine(copy.FullName, "functions", "MineFunctions.App", "host.json");
            Directory.CreateDirectory(Path.GetDirectoryName(hostJson)!);
            File.Copy(RepoPaths.Of("functions", "MineFunctions.App", "host.json"), hostJson);
            var parameters = Path.Combine(copy.FullName, "infra", "main.bicepparam");

            var (exit, stdout, stderr) = await ProcessRunner.RunAsync(await PathAsync(),
                ["snapshot", parameters, "--subscription-id", "00000000-0000-0000-0000-000000000001", "--tenant-id", "00000000-0000-0000-0000-000000000002",
                 "--resource-group", resourceGroup, "--location", "westeurope"],
                copy.FullName, TimeSpan.FromMinutes(3), new Dictionary<string, string?> { ["MINEFUNCTIONS_IMAGE_TAG"] = TestImageTag });
            Assert.True(exit == 0, $"bicep snapshot failed ({exit}):\n{stdout}\n{stderr}");

            using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(copy.FullName, "infra", "main.snapshot.json")));
            Assert.Empty(snapshot.RootElement.GetProperty("diagnostics").EnumerateArray());
            return snapshot.RootElement.Clone();
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>The predicted resources of a snapshot of the given type.</summary>
    public static IEnumerable<JsonElement> Resources(JsonElement snapshot, string type) =>
        snapshot.GetProperty("predictedResources").EnumerateArray()
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>App settings of the one Functions app in a snapshot, name to value.</summary>
    public static Dictionary<string, string> AppSettings(JsonElement snapshot) =>
        Resources(snapshot, "Microsoft.Web/sites").Single()
            .GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Copies the Bicep sources under <paramref name="from"/> (not the tools project's restore output).</summary>
    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.bicep*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("<BicepVersion>([^<]+)</BicepVersion>")]
    private static partial Regex BicepVersion();
}
