using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace MineFunctions.Integration.Tests;

public sealed class AzuriteSmokeTests
{
    [Fact]
    public async Task BlobAndTableServices_AcceptAWriteAndReadItBack()
    {
        var container = new BlobContainerClient(TestStorage.ConnectionString, TestStorage.UniqueName("smoke"));
        await container.CreateAsync();
        try
        {
            await container.UploadBlobAsync("a/b.txt", BinaryData.FromString("coherence"));
            var content = await container.GetBlobClient("a/b.txt").DownloadContentAsync();
            Assert.Equal("coherence", content.Value.Content.ToString());
        }
        finally
        {
            await container.DeleteAsync();
        }

        var table = new TableClient(TestStorage.ConnectionString, "smoke" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        try
        {
            await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Pixels"] = 116891 });
            var entity = await table.GetEntityAsync<TableEntity>("p", "r");
            Assert.Equal(116891, entity.Value.GetInt32("Pixels"));
        }
        finally
        {
            await table.DeleteAsync();
        }
    }
}
