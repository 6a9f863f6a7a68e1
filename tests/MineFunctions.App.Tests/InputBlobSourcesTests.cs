using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Tests;

/// <summary>
/// The two sources of input-blob events, Event Grid (Azure) and the polling blob trigger (Azurite):
/// real blobs on Azurite, both function classes called as the host would, one reprocess per blob
/// version whichever fires, and which one each environment enables.
/// </summary>
public sealed class InputBlobSourcesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly InputBlobTriggers Blobs = new(TestOptions.Starter(), TestOptions.BlobHandler());

    private async Task<BlobContainerClient> ContainerAsync()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("in"));
        await container.CreateAsync();
        return container;
    }

    /// <summary>The instance id a version of these bytes must get: MD5 of the content, as Blob storage records it on upload.</summary>
    private static string ExpectedId(string asset, byte[] content) =>
        InstanceIds.AssetReprocess(asset, "md5:" + Convert.ToBase64String(MD5.HashData(content)));

    private static async Task<BlobClient> UploadAsync(BlobContainerClient container, string name, byte[] content)
    {
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    [Fact]
    public async Task BothSourcesFiringForOneVersion_StartOneReprocess_AndANewVersionStartsOneMore()
    {
        var container = await ContainerAsync();
        var client = new FakeDurableClient { RemembersStarts = true };
        const string name = "sishen/pairs/20210105_20210117_corr.tif";
        var first = "first version"u8.ToArray();
        var blob = await UploadAsync(container, name, first);

        // Polling first, then the Event Grid event of the same upload, then a redelivery of each.
        await Blobs.PollAsync(blob, name, client.Object, CancellationToken.None);
        await Blobs.RunAsync(blob, name, client.Object, CancellationToken.None);
        await Blobs.RunAsync(blob, name, client.Object, CancellationToken.None);
        await Blobs.PollAsync(blob, name, client.Object, CancellationToken.None);

        var started = Assert.Single(client.Scheduled);
        Assert.Equal(ExpectedId("sishen", first), started.Options?.InstanceId);
        var request = Assert.IsType<RefreshRequest>(started.Input);
        Assert.Equal(["sishen"], request.AssetIds);
        Assert.Equal("blob", request.Trigger);

        // A changed file is a new version: Event Grid first this time, and polling finds it started.
        var second = "second version"u8.ToArray();
        await UploadAsync(container, name, second);
        await Blobs.RunAsync(blob, name, client.Object, CancellationToken.None);
        await Blobs.PollAsync(blob, name, client.Object, CancellationToken.None);

        Assert.Equal([ExpectedId("sishen", first), ExpectedId("sishen", second)], client.Scheduled.Select(s => s.Options?.InstanceId));
    }

    [Fact]
    public async Task TheSameBytesUploadedAgainAreTheSameVersion_ForEitherSource()
    {
        var container = await ContainerAsync();
        var client = new FakeDurableClient { RemembersStarts = true };
        var bytes = "{\"name\":\"Sishen\"}"u8.ToArray();
        var blob = await UploadAsync(container, "sishen/asset.json", bytes);
        await Blobs.RunAsync(blob, "sishen/asset.json", client.Object, CancellationToken.None);

        await UploadAsync(container, "sishen/asset.json", bytes);
        await Blobs.PollAsync(blob, "sishen/asset.json", client.Object, CancellationToken.None);

        Assert.Equal(ExpectedId("sishen", bytes), Assert.Single(client.Scheduled).Options?.InstanceId);
    }

    [Fact]
    public async Task ABlobDeletedBeforeThePollerSeesIt_StartsNothing()
    {
        var container = await ContainerAsync();
        var client = new FakeDurableClient { RemembersStarts = true };
        var blob = await UploadAsync(container, "sishen/production.csv", "year,t\n"u8.ToArray());
        await blob.DeleteAsync();

        await Blobs.PollAsync(blob, "sishen/production.csv", client.Object, CancellationToken.None);

        Assert.Empty(client.Scheduled);
    }

    [Fact]
    public void BothFunctionsWatchTheInputContainerSetting_OneByEventGridOneByPolling()
    {
        static BlobTriggerAttribute Attribute(string method) => typeof(InputBlobTriggers).GetMethod(method)!.GetParameters()
            .Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal(Attribute(nameof(InputBlobTriggers.RunAsync)).BlobPath, Attribute(nameof(InputBlobTriggers.PollAsync)).BlobPath);
        Assert.Equal(BlobTriggerSource.EventGrid, Attribute(nameof(InputBlobTriggers.RunAsync)).Source);
        Assert.Equal(BlobTriggerSource.LogsAndContainerScan, Attribute(nameof(InputBlobTriggers.PollAsync)).Source);
    }

    [Fact]
    public void LocallyPollingIsEnabledAndEventGridDisabled()
    {
        var values = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("local.settings.sample.json"))).RootElement.GetProperty("Values");

        Assert.Equal("true", values.GetProperty(Disabled(InputBlobTriggers.EventGridFunction)).GetString());
        Assert.Equal("false", values.GetProperty(Disabled(InputBlobTriggers.PollingFunction)).GetString());
    }

    [Fact]
    public async Task InAzurePollingIsDisabledAndEventGridEnabled()
    {
        var settings = BicepCli.AppSettings(await BicepCli.SnapshotAsync());

        Assert.Equal("true", settings[Disabled(InputBlobTriggers.PollingFunction)]);
        Assert.Equal("false", settings[Disabled(InputBlobTriggers.EventGridFunction)]);
    }

    /// <summary>The host's per-function switch (docs: "How to disable functions in Azure Functions").</summary>
    private static string Disabled(string function) => $"AzureWebJobs.{function}.Disabled";
}
