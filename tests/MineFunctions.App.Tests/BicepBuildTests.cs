using System.Text.Json;
using System.Text.RegularExpressions;
using MineFunctions.App.Tests.TestSupport;

namespace MineFunctions.App.Tests;

/// <summary>
/// What can be checked of the infrastructure without Azure: the Bicep compiles, its linter finds
/// nothing, and <c>bicep snapshot</c> (the resources the deployment would create, evaluated offline)
/// holds what the app and docs/DEPLOY.md rely on.
/// </summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> Templates => new() { "main.bicep", "subscription.bicep" };

    public static TheoryData<string> LintedFiles => new() { "main.bicep", "subscription.bicep", "main.bicepparam" };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task TheTemplateBuildsToAnArmTemplateWithoutWarnings(string file)
    {
        var (exit, stdout, stderr) = await BicepCli.RunAsync("build", RepoPaths.Of("infra", file), "--stdout");

        Assert.True(exit == 0, $"bicep build {file} failed ({exit}):\n{stderr}");
        Assert.DoesNotContain("Warning", stderr, StringComparison.Ordinal);
        using var template = JsonDocument.Parse(stdout);
        Assert.Contains("deploymentTemplate.json", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LintedFiles))]
    public async Task TheLinterFindsNothing(string file)
    {
        // bicep lint exits 0 on warnings: the test asserts on its output, which names each finding.
        var (exit, stdout, stderr) = await BicepCli.RunAsync("lint", RepoPaths.Of("infra", file));

        Assert.True(exit == 0, $"bicep lint {file} failed ({exit}):\n{stdout}\n{stderr}");
        Assert.Equal("", (stdout + stderr).Trim());
    }

    [Fact]
    public async Task TheParametersFileNeedsTheImageTagFromTheEnvironment()
    {
        // No default: a deployment cannot run without naming its immutable image tag.
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(await BicepCli.PathAsync(),
            ["build-params", RepoPaths.Of("infra", "main.bicepparam"), "--stdout"], RepoPaths.Root, TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["MINEFUNCTIONS_IMAGE_TAG"] = null });

        Assert.NotEqual(0, exit);
        Assert.Contains("MINEFUNCTIONS_IMAGE_TAG", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppRunsTheTaggedImage()
    {
        var site = BicepCli.Resources(await BicepCli.SnapshotAsync(), "Microsoft.Web/sites").Single();

        var linuxFx = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("linuxFxVersion").GetString()!;
        Assert.Contains($"'minefunctions:{BicepCli.TestImageTag}'", linuxFx, StringComparison.Ordinal);
        Assert.StartsWith("[format('DOCKER|{0}/{1}'", linuxFx, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GloballyNamedResourcesDifferBetweenResourceGroupsAndRepeatWithinOne()
    {
        static List<string> GlobalNames(JsonElement snapshot) =>
            new[] { "Microsoft.Web/sites", "Microsoft.Storage/storageAccounts", "Microsoft.ContainerRegistry/registries" }
                .Select(type => BicepCli.Resources(snapshot, type).Single().GetProperty("name").GetString()!).ToList();

        var first = GlobalNames(await BicepCli.SnapshotAsync("team-a-rg"));
        var again = GlobalNames(await BicepCli.SnapshotAsync("team-a-rg", fresh: true));
        var other = GlobalNames(await BicepCli.SnapshotAsync("team-b-rg"));

        Assert.Equal(first, again);
        Assert.All(first.Zip(other), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(first, name => Assert.StartsWith("minefn", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMainDeploymentNeverTouchesTheEventGridSubscription()
    {
        // The subscription needs the running app; main.bicep must be redeployable while it restarts.
        var snapshot = await BicepCli.SnapshotAsync();

        Assert.Single(BicepCli.Resources(snapshot, "Microsoft.EventGrid/systemTopics"));
        Assert.DoesNotContain(snapshot.GetProperty("predictedResources").EnumerateArray(),
            r => r.GetProperty("type").GetString()!.Contains("eventSubscriptions", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("listKeys", await File.ReadAllTextAsync(RepoPaths.Of("infra", "main.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationInsightsTakesOnlyEntraIdTelemetry_WhichTheAppSends()
    {
        var snapshot = await BicepCli.SnapshotAsync();
        var insights = BicepCli.Resources(snapshot, "Microsoft.Insights/components").Single();
        var settings = BicepCli.AppSettings(snapshot);

        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        // Monitoring Metrics Publisher (built-in role id) granted on the component.
        Assert.Contains(BicepCli.Resources(snapshot, "Microsoft.Authorization/roleAssignments"),
            r => r.GetProperty("name").GetString()!.Contains("3913510d-42f4-4e42-8a64-420c390055eb", StringComparison.Ordinal)
                 && r.GetProperty("name").GetString()!.Contains("Microsoft.Insights/components", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheInfrastructureCreatesWhatTheAppUses()
    {
        var snapshot = await BicepCli.SnapshotAsync();
        var defaults = new MineFunctions.App.Options.MineFunctionsOptions();

        var tables = BicepCli.Resources(snapshot, "Microsoft.Storage/storageAccounts/tableServices/tables")
            .Select(t => t.GetProperty("name").GetString()!.Split('/')[^1]);
        var containers = BicepCli.Resources(snapshot, "Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.GetProperty("name").GetString()!.Split('/')[^1]);
        Assert.Equal(MineFunctions.Infrastructure.Storage.Tables.TableNames.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { defaults.InputContainer, defaults.ProductsContainer }.Order(StringComparer.Ordinal), containers.Order(StringComparer.Ordinal));

        var subscription = await File.ReadAllTextAsync(RepoPaths.Of("infra", "subscription.bicep"));
        Assert.Contains($"param functionName string = '{MineFunctions.App.Triggers.InputBlobTriggers.EventGridFunction}'", subscription, StringComparison.Ordinal);
        Assert.Contains($"param inputContainer string = '{defaults.InputContainer}'", subscription, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubscribeScriptDeploysTheSubscriptionTemplateWithMainsOutputs()
    {
        var script = File.ReadAllText(RepoPaths.Of("infra", "subscribe.sh"));
        var main = File.ReadAllText(RepoPaths.Of("infra", "main.bicep"));

        Assert.Contains("subscription.bicep", script, StringComparison.Ordinal);
        foreach (Match output in Regex.Matches(script, @"\$\(output (\w+)\)"))
            Assert.Matches($@"(?m)^output {output.Groups[1].Value} string", main);
    }

    [Fact]
    public async Task TheEarthdataTokenIsAKeyVaultReference_ThatOnlyTheAppsIdentityIsGrantedToRead()
    {
        var snapshot = await BicepCli.SnapshotAsync();
        var settings = BicepCli.AppSettings(snapshot);
        var vault = BicepCli.Resources(snapshot, "Microsoft.KeyVault/vaults").Single();
        var vaultName = vault.GetProperty("name").GetString()!;

        // Versionless secret URI: App Service resolves it with the identity named by keyVaultReferenceIdentity.
        // The cloud's Key Vault DNS suffix is known only at deployment, so the snapshot keeps that part an expression.
        var token = settings["MineFunctions__Acquisition__EarthdataToken"];
        Assert.Contains("'@Microsoft.KeyVault(SecretUri=https://{0}{1}/secrets/{2})'", token, StringComparison.Ordinal);
        Assert.Contains($"'{vaultName}', environment().suffixes.keyvaultDns, 'earthdata-token'", token, StringComparison.Ordinal);
        Assert.Equal("false", settings["MineFunctions__Acquisition__Enabled"], ignoreCase: true);
        Assert.StartsWith("minefn", vaultName, StringComparison.Ordinal);
        Assert.InRange(vaultName.Length, 3, 24);
        Assert.True(vault.GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        var site = BicepCli.Resources(snapshot, "Microsoft.Web/sites").Single();
        Assert.Contains("userAssignedIdentities", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);

        // Key Vault Secrets User (built-in role id) granted on the vault, to the identity the app runs as.
        var grant = Assert.Single(BicepCli.Resources(snapshot, "Microsoft.Authorization/roleAssignments"),
            r => r.GetProperty("name").GetString()!.Contains("4633458b-17de-408a-b874-0445c86b69e6", StringComparison.Ordinal));
        Assert.Contains("Microsoft.KeyVault/vaults", grant.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", grant.GetProperty("properties").GetProperty("principalId").GetString(), StringComparison.Ordinal);
    }
}
