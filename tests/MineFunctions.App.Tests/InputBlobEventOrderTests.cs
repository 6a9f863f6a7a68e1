using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Runs;
using Moq;

namespace MineFunctions.App.Tests;

/// <summary>
/// Fault matrix row "duplicate and out-of-order trigger events" (docs/RELIABILITY.md), the out-of-order half:
/// every entry point hands the blob to <c>InputBlobHandler.ReprocessAsync</c>, which versions it by what the blob is
/// when the event is handled, not by what it was when the event was sent. A late event of an older version
/// therefore names the current version, whose reprocess already started: nothing new starts and no run is ever
/// started for content that is no longer there.
/// </summary>
public sealed class InputBlobEventOrderTests
{
    private const string Name = "sishen/pairs/20200101_20200113.tif";
    private static readonly byte[] V1 = [1, 1, 1, 1], V2 = [2, 2, 2, 2];

    [Fact]
    public async Task AnOlderVersionsEventArrivingAfterTheNewerOnes_StartsNothing_AndEachVersionIsReprocessedOnce()
    {
        var client = new FakeDurableClient { RemembersStarts = true };
        var runs = TestOptions.Starter().For(client.Object);
        var handler = TestOptions.BlobHandler();
        var current = V1;
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Response.FromValue(BlobsModelFactory.BlobProperties(contentHash: current, eTag: new ETag("\"0x" + current[0] + "\"")), Mock.Of<Response>()));

        // v1 uploaded, its event handled; v2 uploaded, its event handled; then v1's event delivered again, late.
        var first = await handler.ReprocessAsync(runs, blob.Object, Name, CancellationToken.None);
        current = V2;
        var second = await handler.ReprocessAsync(runs, blob.Object, Name, CancellationToken.None);
        var late = await handler.ReprocessAsync(runs, blob.Object, Name, CancellationToken.None);

        var (v1Run, v2Run) = (InstanceIds.AssetReprocess("sishen", "md5:AQEBAQ=="), InstanceIds.AssetReprocess("sishen", "md5:AgICAg=="));
        Assert.Equal([v1Run, v2Run], client.Scheduled.Select(s => s.Options?.InstanceId));
        Assert.Equal((RunStartStatus.Started, v1Run), (first.Start!.Status, first.Start.InstanceId));
        Assert.Equal((RunStartStatus.Started, v2Run), (second.Start!.Status, second.Start.InstanceId));
        // The late event is a duplicate of the newest version's, not a reprocess of the old content.
        Assert.False(late.Start!.StartedNew);
        Assert.Equal(v2Run, late.Start.InstanceId);
    }

    [Fact]
    public async Task TheNewerVersionsEventArrivingFirst_AndTheOlderOnesAfter_StartOneReprocess_OfTheNewestContent()
    {
        var client = new FakeDurableClient { RemembersStarts = true };
        var runs = TestOptions.Starter().For(client.Object);
        var handler = TestOptions.BlobHandler();
        var blob = new Mock<BlobClient>();
        // Both uploads happened before either event is handled: the blob already holds v2 for both.
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Response.FromValue(BlobsModelFactory.BlobProperties(contentHash: V2, eTag: new ETag("\"0x2\"")), Mock.Of<Response>()));

        var newer = await handler.ReprocessAsync(runs, blob.Object, Name, CancellationToken.None);
        var older = await handler.ReprocessAsync(runs, blob.Object, Name, CancellationToken.None);

        var v2Run = InstanceIds.AssetReprocess("sishen", "md5:AgICAg==");
        Assert.Equal([v2Run], client.Scheduled.Select(s => s.Options?.InstanceId));
        Assert.True(newer.Start!.StartedNew);
        Assert.Equal((false, v2Run), (older.Start!.StartedNew, older.Start.InstanceId));
    }
}
