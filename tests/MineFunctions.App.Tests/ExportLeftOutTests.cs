using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.App.Tests;

/// <summary>
/// The exports listing (GET /api/exports, which the results page shows, in the app and in `mine serve`) names
/// left-out.csv beside the Climate TRACE CSVs, and serves it, so the assets an export left out are one click away.
/// </summary>
public sealed class ExportLeftOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "v1-0123456789abcdef";
    private const string LeftOut = "asset_id,reason\nbad-production,bad-production/production.csv:3: 'tonnes' must be a number\n";

    [Fact]
    public async Task AnExportThatLeftAnAssetOut_ListsAndServesLeftOutCsv()
    {
        var products = new ProductBlobStore(new BlobServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("products-"));
        await products.EnsureContainerAsync();
        var tables = new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"));
        await tables.EnsureTablesAsync();
        var api = new ResultsApi(new RunResults(new PipelineStorage(products, products, tables)), Key);
        await products.UploadAsync(StorageLayout.Export(Key, ClimateTraceFormat.SourcesFileName(Commodity.Iron)), "source_id\n1\n"u8.ToArray(), "text/csv");
        await products.UploadAsync(StorageLayout.Export(Key, "estimate.json"), "{}"u8.ToArray(), "application/json");
        await products.UploadAsync(StorageLayout.Export(Key, LeftOutCsv.FileName), System.Text.Encoding.UTF8.GetBytes(LeftOut), "text/csv");

        var list = await api.ExportsAsync(CancellationToken.None);

        var files = Assert.IsType<ExportListView>(list.Value).Files;
        Assert.Equal(["estimate.json", "iron-mining_emissions-sources.csv", "left-out.csv"], files.Select(f => f.Name));
        Assert.Equal((LeftOut.Length, "text/csv"), (files[2].Bytes, files[2].ContentType));
        var request = ApiRequest.Of("http", "localhost", "/api/exports/files/left-out.csv", []);
        var file = await api.ExportFileAsync(request, LeftOutCsv.FileName, CancellationToken.None);
        Assert.Equal((200, "text/csv"), (file.Status, file.ContentType));
        using var reader = new StreamReader(file.Content!);
        Assert.Equal(LeftOut, await reader.ReadToEndAsync());
    }
}
