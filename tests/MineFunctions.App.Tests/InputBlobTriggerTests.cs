using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Triggers;
using MineFunctions.Workflow.Runs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using Moq;

namespace MineFunctions.App.Tests;

public sealed class InputBlobTriggerTests
{
    private static InputBlobTriggers Trigger() => new(TestOptions.Starter(), TestOptions.BlobHandler());

    private static Task<InputBlobOutcome> HandleAsync(FakeDurableClient client, string name, string version) =>
        TestOptions.BlobHandler().HandleAsync(TestOptions.Starter().For(client.Object), name, version, CancellationToken.None);

    [Theory]
    [InlineData("carajas-n4/pairs/20200101_20200113_corr.tif", "carajas-n4")]
    [InlineData("sishen/slc/20210105.tiff", "sishen")]
    [InlineData("mine_07/polygon.geojson", "mine_07")]
    [InlineData("mine_07/polygon.zip", "mine_07")]
    [InlineData("a/production.csv", "a")]
    [InlineData("a/asset.json", "a")]
    [InlineData("a/pairs.geojson", "a")]
    // Names as HyP3 writes them: upper case kept, a whole unzipped product folder under pairs/.
    [InlineData("sishen/pairs/S1A_20200101_20200113.TIF", "sishen")]
    [InlineData("sishen/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif", "sishen")]
    [InlineData("sishen/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_corr.tif", "sishen")]
    public void AnInputFileInsideAnAssetFolderMapsToThatAsset(string name, string asset)
    {
        var result = InputBlobName.Classify(name);

        Assert.Equal(InputBlobDecision.AssetInput, result.Decision);
        Assert.Equal(asset, result.AssetId);
    }

    [Theory]
    [InlineData("carajas/readme.txt")]
    [InlineData("carajas/pairs/x.tif.aux.xml")]
    [InlineData("carajas/.hidden.tif")]
    [InlineData("carajas/_SUCCESS")]
    [InlineData("carajas/notes")]
    [InlineData("carajas/pairs/a/b/x.tif")]
    [InlineData("carajas/polygon.kml")]
    [InlineData("carajas/My Notes.txt")]
    [InlineData("carajas/pairs/My Notes.txt")]
    [InlineData("carajas/.DS_Store")]
    [InlineData("carajas/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_amp.tif")]
    [InlineData("carajas/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09.README.md.txt")]
    [InlineData("carajas/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_color_phase.png.aux.xml")]
    public void ANonInputFileIsIgnored(string name) =>
        Assert.Equal(InputBlobDecision.Ignored, InputBlobName.Classify(name).Decision);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("loose-file.tif", "asset folder")]
    [InlineData("../other/x.tif", "'..'")]
    [InlineData("a/../b/x.tif", "'..'")]
    [InlineData("a//x.tif", "empty")]
    [InlineData("Carajas/x.tif", "a-z")]
    [InlineData("car ajas/x.tif", "a-z")]
    [InlineData("-carajas/x.tif", "start")]
    [InlineData("a\\b/x.tif", "backslash")]
    [InlineData("a/x\u0000.tif", "control")]
    [InlineData("a.b/x.tif", "not allowed")]
    public void AnUntrustworthyNameIsRejectedWithItsReason(string name, string reasonPart)
    {
        var result = InputBlobName.Classify(name);

        Assert.Equal(InputBlobDecision.Rejected, result.Decision);
        Assert.Null(result.AssetId);
        Assert.Contains(reasonPart, result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAssetIdLongerThanTheLimitIsRejected() =>
        Assert.Equal(InputBlobDecision.Rejected, InputBlobName.Classify(new string('a', AssetIds.MaxLength + 1) + "/x.tif").Decision);

    [Fact]
    public async Task GivenANewInputBlob_WhenTheEventArrives_ThenOnlyThatAssetIsReprocessedUnderAnIdFromAssetAndVersion()
    {
        var client = new FakeDurableClient();

        var outcome = await HandleAsync(client, "carajas-n4/pairs/p1.tif", "md5:abc");

        Assert.Equal(InputBlobDecision.AssetInput, outcome.Decision);
        Assert.Equal(RunStartStatus.Started, outcome.Start?.Status);
        var (name, input, options) = Assert.Single(client.Scheduled);
        var expectedId = InstanceIds.AssetReprocess("carajas-n4", "md5:abc");
        Assert.Equal("RefreshOrchestrator", name.Name);
        Assert.Equal(expectedId, options?.InstanceId);
        var request = Assert.IsType<RefreshRequest>(input);
        Assert.Equal(["carajas-n4"], request.AssetIds);
        Assert.Equal("blob", request.Trigger);
        Assert.Equal(expectedId, request.RunId);
        Assert.Equal(9, request.Settings.WindowX);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    public async Task GivenTheSameBlobVersionWasSeenBefore_WhenADuplicateEventArrives_ThenNothingNewIsStarted(OrchestrationRuntimeStatus status)
    {
        var id = InstanceIds.AssetReprocess("carajas-n4", "md5:abc");
        var client = new FakeDurableClient(FakeDurableClient.Instance(id, status, TestOptions.Now.AddMinutes(-5)));

        var outcome = await HandleAsync(client, "carajas-n4/pairs/p1.tif", "md5:abc");

        Assert.False(outcome.Start!.StartedNew);
        Assert.Empty(client.Order);
    }

    [Fact]
    public async Task GivenAChangedBlob_WhenItsEventArrives_ThenANewReprocessStartsBesideTheOldOne()
    {
        var old = InstanceIds.AssetReprocess("carajas-n4", "md5:old");
        var client = new FakeDurableClient(FakeDurableClient.Instance(old, OrchestrationRuntimeStatus.Completed, TestOptions.Now));

        var outcome = await HandleAsync(client, "carajas-n4/pairs/p1.tif", "md5:new");

        Assert.Equal(RunStartStatus.Started, outcome.Start?.Status);
        Assert.NotEqual(old, outcome.Start?.InstanceId);
    }

    [Fact]
    public async Task GivenAnInvalidBlobName_WhenItsEventArrives_ThenItIsRejectedWithoutThrowingOrTouchingTheTaskHub()
    {
        var client = new FakeDurableClient();

        var outcome = await HandleAsync(client, "../secrets/x.tif", "etag:1");

        Assert.Equal(InputBlobDecision.Rejected, outcome.Decision);
        Assert.Null(outcome.Start);
        Assert.Contains("..", outcome.Reason, StringComparison.Ordinal);
        client.Mock.Verify(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TheEntryPointUsesTheBlobsContentHashAsItsVersion()
    {
        var client = new FakeDurableClient();
        var hash = new byte[] { 1, 2, 3, 4 };
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(BlobsModelFactory.BlobProperties(contentHash: hash, eTag: new ETag("\"0x1\"")), Mock.Of<Response>()));

        await Trigger().RunAsync(blob.Object, "sishen/production.csv", client.Object, CancellationToken.None);

        Assert.Equal(InstanceIds.AssetReprocess("sishen", "md5:AQIDBA=="), Assert.Single(client.Scheduled).Options?.InstanceId);
    }

    [Fact]
    public async Task GivenTheBlobWasDeletedBeforeTheEventIsHandled_ThenNothingStartsAndNothingThrows()
    {
        var client = new FakeDurableClient();
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "BlobNotFound"));

        await Trigger().RunAsync(blob.Object, "sishen/production.csv", client.Object, CancellationToken.None);

        Assert.Empty(client.Scheduled);
    }

    [Fact]
    public async Task TheEntryPointDoesNotReadPropertiesOfAnIgnoredOrRejectedBlob()
    {
        var client = new FakeDurableClient();
        var blob = new Mock<BlobClient>(MockBehavior.Strict);

        await Trigger().RunAsync(blob.Object, "sishen/readme.md", client.Object, CancellationToken.None);
        await Trigger().RunAsync(blob.Object, "../x/readme.tif", client.Object, CancellationToken.None);

        Assert.Empty(client.Scheduled);
    }

    [Fact]
    public void TheBlobVersionPrefersTheContentHashAndFallsBackToTheETag()
    {
        Assert.Equal("md5:AQI=", InputBlobHandler.BlobVersion([1, 2], new ETag("\"e\"")));
        Assert.Equal("etag:\"e\"", InputBlobHandler.BlobVersion(null, new ETag("\"e\"")));
        Assert.Equal("etag:\"e\"", InputBlobHandler.BlobVersion([], new ETag("\"e\"")));
    }
}
