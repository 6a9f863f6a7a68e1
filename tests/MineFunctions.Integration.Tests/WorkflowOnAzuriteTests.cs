using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Export;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
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
        var options = new DemoOptions(outDir, 2, 256, EngineKind.AzureStorage, UniqueNamespace(), TestStorage.ConnectionString);

        var summary = await DemoRunner.RunAsync(options, TextWriter.Null, CancellationToken.None);

        Assert.NotNull(summary);
        Assert.All(summary.PerAsset, a => Assert.Equal("succeeded", a.Status));
        Assert.True(summary.Accuracy >= 0.97, $"accuracy {summary.Accuracy}"); // the demo's scenes at their default size (METHOD.md §3)
        // Each weather-hit pair is rejected and no clean pair is.
        Assert.All(summary.PerAsset, a => Assert.Equal(a.WeatherHitPairs, a.RejectedPairs));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));

        var sources = await File.ReadAllLinesAsync(Path.Combine(outDir, "iron-mining_emissions-sources.csv"));
        Assert.Equal(ClimateTraceFormat.SourcesHeader, sources[0]);
        Assert.Contains(sources, l => l.Contains(",co2,", StringComparison.Ordinal) && l.Contains("Demo Iron A", StringComparison.Ordinal));
        var png = Path.Combine(outDir, "demo-iron-a", "png", "composite_2020-2022.png");
        using var image = GdalRaster.Open(png);
        Assert.Equal((256, 256), (image.Info.Width, image.Info.Height));

        // The class quick-looks are drawn at download from the stored class raster: each shows in its class's colour as many
        // pixels as the classifier counted for that class when it ran (the counts CSV, written from its own arrays).
        var counts = File.ReadAllLines(Path.Combine(outDir, "demo-iron-a", "counts_2020-2022.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, colour) in new[] { ("magenta", (255f, 0f, 255f)), ("yellow", (255f, 255f, 0f)), ("cyan", (0f, 255f, 255f)) })
        {
            using var quickLook = GdalRaster.Open(Path.Combine(outDir, "demo-iron-a", "png", $"class-{name}_2020-2022.png"));
            var (r, g, b, a) = (quickLook.ReadFloat32(1), quickLook.ReadFloat32(2), quickLook.ReadFloat32(3), quickLook.ReadFloat32(4));
            var shown = Enumerable.Range(0, r.Length).Count(i => a[i] == 255 && (r[i], g[i], b[i]) == colour);
            Assert.Equal(counts[name], shown);
        }
        Assert.Equal(8, Directory.GetFiles(Path.Combine(outDir, "demo-iron-a", "png"), "class-*_2020-2022.png").Length);
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

        var first = await runner.RunAsync(request, TextWriter.Null, CancellationToken.None);
        Assert.Equal("succeeded", Assert.Single(first.Assets).Status);
        var before = await SnapshotAsync(names);

        // Forget the finished instance so the same run really executes again, activity by activity.
        await runner.Client.PurgeInstanceAsync(request.RunId, new PurgeInstanceOptions(Recursive: true));
        var second = await runner.RunAsync(request, TextWriter.Null, CancellationToken.None);
        Assert.Equal(first.Assets, second.Assets);
        var after = await SnapshotAsync(names);

        Assert.NotEmpty(before);
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b).ToList();
        Assert.True(changed.Count == 0, "changed by the re-run: " + string.Join(", ", changed));
    }

    [Fact]
    public async Task AOneAssetReprocess_KeepsEveryAssetInTheExport()
    {
        var names = UniqueNamespace();
        var sample = DemoSample.Create(2, 64);
        var assets = sample.Mines.Select(m => m.Mine.AssetId).ToList();
        await using var runner = await LocalRunner.StartAsync(EngineKind.AzureStorage, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        await sample.UploadAsync(runner.Storage.Inputs, TextWriter.Null, CancellationToken.None);
        var settings = new PipelineSettings();
        await runner.RunAsync(new RefreshRequest("all-" + names.TaskHub, assets, settings, "test"), TextWriter.Null, CancellationToken.None);

        var one = await runner.RunAsync(new RefreshRequest("one-" + names.TaskHub, [assets[0]], settings, "blob"), TextWriter.Null, CancellationToken.None);
        Assert.Equal("succeeded", Assert.Single(one.Assets).Status);

        var export = System.Text.Encoding.UTF8.GetString(await runner.Storage.Products.DownloadBytesAsync(
            StorageLayout.Export(MineFunctions.Workflow.SettingsFingerprint.Of(settings), "iron-mining_emissions-sources.csv")));
        Assert.Contains("Demo Iron A", export);
        Assert.Contains("Demo Iron B", export);
    }

    /// <summary>Every product blob and result row of a namespace with its ETag: any rewrite changes an ETag.</summary>
    private static async Task<SortedDictionary<string, string>> SnapshotAsync(RunNamespace names)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var container = new BlobContainerClient(TestStorage.ConnectionString, names.ProductsContainer);
        await foreach (var blob in container.GetBlobsAsync())
            snapshot["blob:" + blob.Name] = blob.Properties.ETag.ToString()!;
        // The result tables only: the Durable task hub's own History/Instances tables record every
        // execution by design.
        var service = new TableServiceClient(TestStorage.ConnectionString);
        foreach (var table in new[] { TableNames.PairResults, TableNames.AnnualActivity, TableNames.ClassCounts, TableNames.Emissions, TableNames.Runs })
        {
            await foreach (var e in service.GetTableClient(names.TablePrefix + table).QueryAsync<TableEntity>())
                snapshot[$"row:{table}/{e.PartitionKey}/{e.RowKey}"] = e.ETag.ToString();
        }
        return snapshot;
    }
}
