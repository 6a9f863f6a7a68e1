using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Export;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Integration.Tests;

/// <summary>The whole workflow with real activities, on Azurite, GDAL and the Durable Task engine.</summary>
public sealed class WorkflowOnAzuriteTests
{
    private static RunNamespace UniqueNamespace() => RunNamespace.Of("t" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task TheDemo_ClassifiesTheMinesAgainstTheTruth_RejectsWeatherPairs_AndWritesTheExports()
    {
        var outDir = Directory.CreateTempSubdirectory("demo-test").FullName;
        var options = new DemoOptions(outDir, 2, 96, EngineKind.AzureStorage, UniqueNamespace(), TestStorage.ConnectionString);

        var summary = await DemoRunner.RunAsync(options, TextWriter.Null, CancellationToken.None);

        Assert.NotNull(summary);
        Assert.All(summary.PerAsset, a => Assert.Equal("succeeded", a.Status));
        Assert.True(summary.Accuracy >= 0.95, $"accuracy {summary.Accuracy}");
        // Each weather-hit pair is rejected and no clean pair is.
        Assert.All(summary.PerAsset, a => Assert.Equal(a.WeatherHitPairs, a.RejectedPairs));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));

        var sources = await File.ReadAllLinesAsync(Path.Combine(outDir, "iron-mining_emissions-sources.csv"));
        Assert.Equal(ClimateTraceFormat.SourcesHeader, sources[0]);
        Assert.Contains(sources, l => l.Contains(",co2,", StringComparison.Ordinal) && l.Contains("Demo Iron A", StringComparison.Ordinal));
        var png = Path.Combine(outDir, "demo-iron-a", "png", "composite_2020-2022.png");
        using var image = GdalRaster.Open(png);
        Assert.Equal((96, 96), (image.Info.Width, image.Info.Height));
    }

    [Fact]
    public async Task RunningAFinishedRunAgain_WritesNoNewBlobOrRow_AndChangesNothing()
    {
        var names = UniqueNamespace();
        var sample = DemoSample.Create(1, 64);
        var assets = sample.Mines.Select(m => m.Mine.AssetId).ToList();
        var request = new RefreshRequest("idem-" + names.TaskHub, assets, new PipelineSettings(), "test");
        await using var runner = await LocalRunner.StartAsync(EngineKind.AzureStorage, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        await sample.UploadAsync(runner.Storage.Inputs, TextWriter.Null, CancellationToken.None);

        var (first, _) = await runner.RunAsync(request, assets, TextWriter.Null, CancellationToken.None);
        Assert.Equal("succeeded", Assert.Single(first!.Assets).Status);
        var before = await SnapshotAsync(names);

        // Forget the finished instance so the same run really executes again, activity by activity.
        await runner.Client.PurgeInstanceAsync(request.RunId, new PurgeInstanceOptions(Recursive: true));
        var (second, _) = await runner.RunAsync(request, assets, TextWriter.Null, CancellationToken.None);
        Assert.Equal(first.Assets, second!.Assets);
        var after = await SnapshotAsync(names);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    /// <summary>Every product blob and result row of a namespace with its ETag: any rewrite changes an ETag.</summary>
    private static async Task<SortedDictionary<string, string>> SnapshotAsync(RunNamespace names)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var container = new BlobContainerClient(TestStorage.ConnectionString, names.ProductsContainer);
        await foreach (var blob in container.GetBlobsAsync())
            snapshot["blob:" + blob.Name] = blob.Properties.ETag.ToString()!;
        var service = new TableServiceClient(TestStorage.ConnectionString);
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(names.TablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(names.TablePrefix, StringComparison.Ordinal)) continue;
            await foreach (var e in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                snapshot[$"row:{table.Name}/{e.PartitionKey}/{e.RowKey}"] = e.ETag.ToString();
        }
        return snapshot;
    }
}
