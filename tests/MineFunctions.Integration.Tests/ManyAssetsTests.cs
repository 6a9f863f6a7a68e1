using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;
using Xunit.Abstractions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Run state that stays bounded: more assets than the old per-asset custom status could hold, with
/// the real workflow and activities on the local engine, which enforces the Functions host's limits
/// (HostLimits). The same run with the old status design fails here as it failed in Azure.
/// </summary>
public sealed class ManyAssetsTests(ITestOutputHelper log)
{
    private const int Assets = 200;
    private const int Size = 32;

    /// <summary>Acquisitions 300 days apart: three pairs over three years, one a year, no weather; a tiny asset that still goes all the way to its estimate.</summary>
    private static readonly SceneSettings Scene = new() { Width = Size, Height = Size, Seed = 7, FirstYear = 2020, Years = 3, RevisitDays = 300, WeatherDatesPerYear = 0 };

    private const int PairsPerAsset = 3;

    [Fact]
    public async Task TwoHundredTinyAssets_AllSucceed_TheStatusStaysUnder1Kb_AndEveryOutcomeIsPagedFromTheRunsTable()
    {
        var names = RunNamespace.Of("m" + Guid.NewGuid().ToString("N")[..10]);
        await using var runner = await LocalRunner.StartAsync(EngineKind.Memory, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, Assets).Select(i => string.Create(CultureInfo.InvariantCulture, $"tiny-{i:D3}")).ToList();
        await UploadAsync(runner.Storage.Inputs, ids);
        var uploaded = clock.Elapsed;

        var settings = new PipelineSettings { TemporalBaselinesDays = [300], MaxParallelAssets = 32 };
        var runId = "many-" + names.TaskHub;
        var statuses = new ConcurrentBag<string>();
        using var watching = new CancellationTokenSource();
        var watcher = WatchStatusAsync(runner.Client, runId, statuses, watching.Token);
        var run = await runner.RunAsync(new RefreshRequest(runId, [], settings, "test"), TextWriter.Null, CancellationToken.None);
        await watching.CancelAsync();
        await watcher;
        log.WriteLine($"{Assets} assets: upload {uploaded.TotalSeconds:0.0} s, run {(clock.Elapsed - uploaded).TotalSeconds:0.0} s; {statuses.Count} custom statuses seen");

        Assert.True(run.Completed, $"{run.Status.RuntimeStatus}: {run.Status.FailureReason}");
        Assert.Equal(new RefreshResult(runId, Assets, Assets, 0, Assets * PairsPerAsset, 0), run.Status.Result);
        Assert.Equal(ids, run.Assets.Select(a => a.AssetId));
        Assert.All(run.Assets, a => Assert.Equal((AssetOutcome.Succeeded, PairsPerAsset, 0, (string?)null), (a.Status, a.Pairs, a.RejectedPairs, a.Error)));

        // Bounded: every custom status seen (and the final one) is at most 1 KB of UTF-16.
        statuses.Add(JsonSerializer.Serialize(run.Status.Progress));
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.True(Encoding.Unicode.GetByteCount(s) <= 1024, $"{Encoding.Unicode.GetByteCount(s)} bytes: {s}"));
        // The old status (every outcome in it) would have broken the host's limit with these assets.
        Assert.NotNull(HostLimits.CustomStatusViolation(JsonSerializer.Serialize(new { Stage = "done", Assets = run.Assets })));

        // Paged: pages of 64 from the Runs table give every asset once.
        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await runner.Runs.GetAssetsAsync(runId, null, token, 64);
            Assert.InRange(page.Assets.Count, 0, 64);
            paged.AddRange(page.Assets.Select(a => a.AssetId));
            token = page.Continuation;
        }
        while (token is not null);
        Assert.Equal(ids, paged);
        Assert.Empty((await runner.Runs.GetAssetsAsync(runId, AssetOutcome.Failed, null, 100)).Assets);
    }

    private static async Task WatchStatusAsync(DurableTaskClient client, string runId, ConcurrentBag<string> seen, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if ((await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken))?.SerializedCustomStatus is { } status) seen.Add(status);
                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The same simulated scene under every asset id: pair rasters, polygon, manifest, a production table.</summary>
    private static async Task UploadAsync(ProductBlobStore inputs, IReadOnlyList<string> ids)
    {
        var scene = new SceneSimulator(Scene);
        var grid = GridSpec.NorthUp(Size, Size, 500_000, 7_800_000, 20, -20, GridCrs.Wkt(32723));
        var coherence = new float[scene.Pixels];
        var rasters = new List<(DateOnly Reference, DateOnly Secondary, byte[] Bytes)>();
        foreach (var pair in scene.Pairs)
        {
            scene.FillCoherence(pair.Index, coherence);
            rasters.Add((pair.ReferenceDate, pair.SecondaryDate, GeoTiffWriter.WriteFloat32ToBytes(coherence, grid)));
        }
        Assert.Equal(PairsPerAsset, rasters.Count);
        var polygon = Encoding.UTF8.GetBytes(PolygonGeoJson.FromPixelVertices(scene.MinePolygon.Select(p => (p.X, p.Y)).ToList(), grid));

        using var uploads = new SemaphoreSlim(32);
        await Task.WhenAll(ids.Select(async id =>
        {
            await uploads.WaitAsync();
            try
            {
                foreach (var (reference, secondary, bytes) in rasters)
                    await inputs.UploadAsync(StorageLayout.PairRaster(id, string.Create(CultureInfo.InvariantCulture, $"{id}_{reference:yyyyMMdd}_{secondary:yyyyMMdd}_corr.tif")), bytes, "image/tiff");
                await inputs.UploadAsync(StorageLayout.Polygon(id), polygon, "application/json");
                await inputs.UploadAsync(StorageLayout.Manifest(id), Encoding.UTF8.GetBytes(new AssetManifest(id, "iron", "BRA", -20, -44).ToJson()), "application/json");
                await inputs.UploadAsync(StorageLayout.Production(id), Encoding.UTF8.GetBytes($"asset_id,year,product,tonnes\n{id},2021,ore,1000000\n"), "text/csv");
            }
            finally
            {
                uploads.Release();
            }
        }));
    }
}
