using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MineFunctions.Workflow;
using MineFunctions.App.Options;
using MineFunctions.App.Results;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.App.Tests;

/// <summary>The read endpoints' readers against real blobs and tables (Azurite), laid out by the storage layer's own writers.</summary>
public sealed class StorageReaderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CurrentSettings Settings = new(TestOptions.Wrap(new PipelineOptions()));

    private RunResults Reader(ProductBlobStore products) =>
        new(new PipelineStorage(products, products, new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"))));

    private ProductBlobStore NewProducts() =>
        new(new BlobServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("products-"));

    [Fact]
    public async Task GivenEmissionRowsOfTheCurrentSettings_ThenResultsListTheAssetsYearsInOrder()
    {
        var tables = new ResultTableStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("t"));
        await tables.EnsureTablesAsync();
        EmissionsRow Row(string key, int year, double area) =>
            new("sishen", key, year, "iron", "ZAF", area, area * 3.2, "medium", 0.0102, "low", area * 0.03, "low", area * 0.004);
        await tables.UpsertAllAsync([Row(Settings.Key, 2022, 110), Row(Settings.Key, 2021, 116), Row("v0-0000000000000000", 2021, 999)]);

        var reader = new RunResults(new PipelineStorage(NewProducts(), NewProducts(), tables));
        var years = await reader.GetAssetYearsAsync("sishen", Settings.Key, CancellationToken.None);

        Assert.Equal([2021, 2022], years.Select(y => y.Year));
        Assert.Equal(116, years[0].Emissions!.MinedAreaM2);
        Assert.Equal(116 * 3.2, years[0].Emissions!.ActivityTonnes);
        Assert.Equal("low", years[0].Emissions!.Confidence);
        Assert.Null(years[0].Activity);
        Assert.Empty(await reader.GetAssetYearsAsync("carajas", Settings.Key, CancellationToken.None));
    }

    [Fact]
    public async Task GivenSeveralCompositeWindows_ThenTheLatestPngIsOpened()
    {
        var products = NewProducts();
        await products.EnsureContainerAsync();
        await products.UploadAsync(StorageLayout.Png("sishen", Settings.Key, "composite_2019-2021"), "old"u8.ToArray(), "image/png");
        await products.UploadAsync(StorageLayout.Png("sishen", Settings.Key, "composite_2020-2022"), "new"u8.ToArray(), "image/png");
        await products.UploadAsync(StorageLayout.Png("sishen", Settings.Key, "classes_2021-2023"), "no"u8.ToArray(), "image/png");

        var png = await Reader(products).OpenCompositePngAsync("sishen", Settings.Key, CancellationToken.None);

        Assert.NotNull(png);
        Assert.Equal("image/png", png.ContentType);
        await using var content = png.Content;
        Assert.Equal("new", await new StreamReader(content).ReadToEndAsync());
        Assert.Null(await Reader(products).OpenCompositePngAsync("carajas", Settings.Key, CancellationToken.None));
    }

    [Fact]
    public async Task GivenTheRunLevelExportOfASector_ThenItIsStreamedAndAnotherSectorIsNotFound()
    {
        var products = NewProducts();
        await products.EnsureContainerAsync();
        const string csv = "source_id,iso3_country\n1,BRA\n";
        await products.UploadAsync(StorageLayout.Export(Settings.Key, ClimateTraceFormat.SourcesFileName(Commodity.Iron)), Encoding.UTF8.GetBytes(csv), "text/csv");
        var other = new CurrentSettings(TestOptions.Wrap(new PipelineOptions { WindowX = 9 }));

        var found = await Reader(products).OpenSectorExportAsync(Commodity.Iron, Settings.Key, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("text/csv", found.ContentType);
        await using (var content = found.Content) Assert.Equal(csv, await new StreamReader(content).ReadToEndAsync());
        Assert.Null(await Reader(products).OpenSectorExportAsync(Commodity.Copper, Settings.Key, CancellationToken.None));
        Assert.Null(await Reader(products).OpenSectorExportAsync(Commodity.Iron, other.Key, CancellationToken.None));
    }

    [Fact]
    public void TheReadersLookUnderTheWorkflowsOwnSettingsKey() =>
        Assert.Equal(SettingsFingerprint.Of(new PipelineOptions().ToSettings()), Settings.Key);
}
