using System.Globalization;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Acquisition;

/// <summary>
/// <see cref="MonthlyOrchestrator"/> on the in-memory Durable engine with the real orchestrators and
/// activities, Azurite, and the fake ASF + HyP3 server replaying the recorded burst stack (last
/// scenes 2021-11-27, 12-09, 12-21). The asset is a simulated mine whose stored pairs end on
/// 2021-12-09, so the month has exactly one new pair to fetch: 2021-12-09 → 2021-12-21.
/// </summary>
public sealed class MonthlyOrchestratorTests
{
    private const int Size = 40;
    private const string NewPair = "174_372326_IW3_20211209_20211221_VV";
    private static readonly DateOnly LastStored = new(2021, 12, 9);

    [AcquisitionFact]
    public async Task WithAcquisition_TheMonthOrdersWaitsAndDownloads_ThenProcessesTheNewPair()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        var (stored, newPairBytes) = await UploadMineAsync(world.Storage);
        world.Server.PollsBeforeDone = 3;
        world.Server.CorrBytes = _ => newPairBytes;

        var (monthly, refresh) = await RunAsync(world, new MonthlyRequest(Refresh("mrun-a"), AcquisitionFixture.Settings()));

        // Ordered once, polled until done, downloaded into <asset>/pairs/ byte for byte.
        var job = Assert.Single(world.Server.Jobs);
        Assert.Equal($"mf:{AcquisitionFixture.Asset}:{NewPair}", job.Name);
        Assert.True(job.Polls >= 4, $"polled {job.Polls} times");
        Assert.Equal(newPairBytes, await world.PairBytesAsync(NewPair));
        Assert.Equal((1, 0, 1, 0), (monthly.AssetsAcquired, monthly.AcquisitionsFailed, monthly.PairsDownloaded, monthly.JobsNotDownloaded));

        // Then processed: the refresh ran under its run id and screened the new pair with the stored ones.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, refresh.RuntimeStatus);
        Assert.Equal(monthly.Refresh, refresh.ReadOutputAs<RefreshResult>());
        Assert.Equal((1, 1, stored + 1), (monthly.Refresh.AssetsTotal, monthly.Refresh.AssetsSucceeded, monthly.Refresh.Pairs));
        var rows = await PairRowsAsync(world.Storage);
        Assert.Equal(stored + 1, rows.Count);
        var row = Assert.Single(rows, r => r.ReferenceDate == LastStored && r.SecondaryDate == new DateOnly(2021, 12, 21));
        Assert.NotNull(row.StableMean);
    }

    [AcquisitionFact]
    public async Task WithoutAcquisition_TheMonthIsTheRefreshAlone_AsBefore()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        var (stored, _) = await UploadMineAsync(world.Storage);

        var (monthly, refresh) = await RunAsync(world, new MonthlyRequest(Refresh("mrun-b"), null));

        Assert.Empty(world.Server.Requests);
        Assert.Equal((0, 0, 0, 0), (monthly.AssetsAcquired, monthly.AcquisitionsFailed, monthly.PairsDownloaded, monthly.JobsNotDownloaded));
        Assert.Equal((1, 1, stored), (monthly.Refresh.AssetsTotal, monthly.Refresh.AssetsSucceeded, monthly.Refresh.Pairs));
        Assert.Equal(monthly.Refresh, refresh.ReadOutputAs<RefreshResult>());

        // The refresh started on its own (as the timer did before) gives the same result.
        await using var host = await StartEngineAsync(world);
        var direct = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOrchestrator), Refresh("mrun-c"),
            new Microsoft.DurableTask.StartOrchestrationOptions("mrun-c"));
        var alone = await WaitAsync(host, direct);
        Assert.Equal(monthly.Refresh with { RunId = "mrun-c" }, alone.ReadOutputAs<RefreshResult>());
    }

    private static RefreshRequest Refresh(string runId) => new(runId, [], new PipelineSettings(), "timer");

    private static async Task<(MonthlyResult Monthly, OrchestrationMetadata Refresh)> RunAsync(AcquisitionFixture world, MonthlyRequest request)
    {
        await using var host = await StartEngineAsync(world);
        var id = "monthly-" + request.Refresh.RunId;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(MonthlyOrchestrator), request, new Microsoft.DurableTask.StartOrchestrationOptions(id));
        var monthly = await WaitAsync(host, id);
        var refresh = await host.Client.GetInstanceAsync(request.Refresh.RunId, getInputsAndOutputs: true);
        Assert.NotNull(refresh);
        return (monthly.ReadOutputAs<MonthlyResult>()!, refresh);
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskTestHost host, string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10)); // generous: CI shares 2 cores between all test projects
        var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
        return meta;
    }

    private static Task<DurableTaskTestHost> StartEngineAsync(AcquisitionFixture world) =>
        TestEngine.StartAsync(
            r => r.AddMineFunctionsWorkflow(),
            s => s.AddWorkflowStorage(world.Storage).AddSingleton(new AcquisitionServices(new HttpClient(), world.Server.ApiUrl, world.Server.ApiUrl, world.Server.Token)));

    private static async Task<List<PairResultRow>> PairRowsAsync(Workflow.Storage.PipelineStorage storage)
    {
        var rows = new List<PairResultRow>();
        await foreach (var row in storage.Tables.QueryAssetAsync<PairResultRow>(AcquisitionFixture.Asset)) rows.Add(row);
        return rows;
    }

    /// <summary>
    /// A simulated mine (2019–2021, 12-day revisits) as the fixture's asset: manifest, polygon on its
    /// UTM grid, and its pair rasters ending before <see cref="LastStored"/>, plus one 2021-11-27 →
    /// 2021-12-09 pair so the latest stored pair ends there. Returns how many pairs are stored and the
    /// raster the fake HyP3 serves as the new pair's coherence (a clean pair of the same scene).
    /// </summary>
    private static async Task<(int Stored, byte[] NewPair)> UploadMineAsync(Workflow.Storage.PipelineStorage storage)
    {
        var asset = AcquisitionFixture.Asset;
        var scene = new SceneSimulator(new SceneSettings { Width = Size, Height = Size, Seed = 11, FirstYear = 2019, Years = 3 });
        var grid = GridSpec.NorthUp(Size, Size, 500_000, 7_800_000, 20, -20, GridCrs.Wkt(32723));
        var coherence = new float[scene.Pixels];
        var kept = scene.Pairs.Where(p => p.SecondaryDate < new DateOnly(2021, 11, 27)).ToList();
        foreach (var pair in kept)
        {
            scene.FillCoherence(pair.Index, coherence);
            var name = string.Create(CultureInfo.InvariantCulture, $"{asset}_{pair.ReferenceDate:yyyyMMdd}_{pair.SecondaryDate:yyyyMMdd}_corr.tif");
            await storage.Inputs.UploadAsync(StorageLayout.PairRaster(asset, name), GeoTiffWriter.WriteFloat32ToBytes(coherence, grid), "image/tiff");
        }
        var clean = kept.Last(p => !p.WeatherHit);
        scene.FillCoherence(clean.Index, coherence);
        var cleanBytes = GeoTiffWriter.WriteFloat32ToBytes(coherence, grid);
        await storage.Inputs.UploadAsync(StorageLayout.PairRaster(asset, $"{asset}_20211127_20211209_corr.tif"), cleanBytes, "image/tiff");

        var polygon = PolygonGeoJson.FromPixelVertices(scene.MinePolygon.Select(p => (p.X, p.Y)).ToList(), grid);
        await storage.Inputs.UploadAsync(StorageLayout.Polygon(asset), Encoding.UTF8.GetBytes(polygon), "application/geo+json");
        await storage.Inputs.UploadAsync(StorageLayout.Manifest(asset),
            Encoding.UTF8.GetBytes(new AssetManifest("Burst Mine", "iron", "BRA", -19.8, -43.2).ToJson()), "application/json");
        return (kept.Count + 1, cleanBytes);
    }
}
