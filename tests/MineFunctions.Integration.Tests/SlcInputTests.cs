using System.Text;
using Azure.Data.Tables;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Integration.Tests;

/// <summary>Coregistered SLC acquisitions as input: the workflow estimates coherence itself, pair by pair.</summary>
public sealed class SlcInputTests
{
    private const int Size = 64;

    [Fact]
    public async Task SlcDates_ArePairedTwelveDaysApart_TheirCoherenceIsComputed_AndScreenedOnStableGround()
    {
        var names = RunNamespace.Of("s" + Guid.NewGuid().ToString("N")[..10]);
        await using var runner = await LocalRunner.StartAsync(EngineKind.AzureStorage, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None);
        var grid = GridSpec.NorthUp(Size, Size, 500_000, 7_800_000, 20, -20, GridCrs.Wkt(32723));
        var dates = new[] { new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 13), new DateOnly(2021, 3, 25), new DateOnly(2021, 4, 18) };
        const string asset = "slc-mine";
        foreach (var (date, slc) in dates.Zip(Acquisitions(dates.Length)))
            await runner.Storage.Inputs.UploadAsync(StorageLayout.SlcRaster(asset, date), GeoTiffWriter.WriteComplex64ToBytes(slc, grid));
        await runner.Storage.Inputs.UploadAsync(StorageLayout.Manifest(asset), Encoding.UTF8.GetBytes("""{"name":"SLC Mine","commodity":"copper","iso3":"CHL","lat":-24,"lon":-69}"""));
        await runner.Storage.Inputs.UploadAsync(StorageLayout.Polygon(asset),
            Encoding.UTF8.GetBytes(PolygonGeoJson.FromPixelVertices([(32, 8), (56, 8), (56, 56), (32, 56)], grid)));

        var settings = new PipelineSettings();
        var result = await runner.RunAsync(new RefreshRequest("slc-" + names.TaskHub, [asset], settings, "test"), TextWriter.Null, CancellationToken.None);

        // 03-01→03-13 and 03-13→03-25 are 12 days, 03-25→04-18 is 24: three pairs. One spring proves
        // the coherence path, not a composite: the asset stops at the three-year rule, with that reason.
        Assert.True(result.Status.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, $"{result.Status.RuntimeStatus}: {result.Status.FailureReason}");
        var outcome = Assert.Single(result.Assets);
        Assert.Equal(3, outcome.Pairs);
        Assert.Equal(0, outcome.RejectedPairs);
        Assert.Contains("three consecutive years", outcome.Error);
        var key = SettingsFingerprint.Of(settings);
        for (var i = 0; i + 1 < dates.Length; i++)
        {
            var (coherence, _) = await MineFunctions.Workflow.Storage.RasterBlobs.ReadFloat32Async(
                runner.Storage.Products, StorageLayout.Coherence(asset, key, dates[i], dates[i + 1]), RasterReadOptions.Default, CancellationToken.None);
            // Left half: true coherence 0.95 (stable); right half: 0.1, read ≈ 0.24 with a 7×2 window (Touzi).
            Assert.InRange(Mean(coherence, 0, Size / 2 - 4), 0.9, 0.99);
            Assert.InRange(Mean(coherence, Size / 2 + 4, Size), 0.15, 0.35);
        }
        var rows = new TableClient(TestStorage.ConnectionString, names.TablePrefix + TableNames.PairResults).QueryAsync<TableEntity>();
        var accepted = 0;
        await foreach (var row in rows) accepted += row.GetBoolean(nameof(PairResultRow.Accepted)) == true ? 1 : 0;
        Assert.Equal(3, accepted);
    }

    /// <summary>
    /// A chain of complex circular-Gaussian acquisitions: each date is ρ × the previous one plus
    /// independent noise, so consecutive dates have true coherence ρ (0.95 left, 0.1 right).
    /// </summary>
    private static IEnumerable<float[]> Acquisitions(int count)
    {
        var random = new DeterministicRandom(42);
        var current = new float[2 * Size * Size];
        for (var i = 0; i < current.Length; i += 2) (current[i], current[i + 1]) = Normal(random);
        yield return (float[])current.Clone();
        for (var k = 1; k < count; k++)
        {
            for (var p = 0; p < Size * Size; p++)
            {
                var rho = p % Size < Size / 2 ? 0.95 : 0.1;
                var (nr, ni) = Normal(random);
                current[2 * p] = (float)((rho * current[2 * p]) + (Math.Sqrt(1 - (rho * rho)) * nr));
                current[(2 * p) + 1] = (float)((rho * current[(2 * p) + 1]) + (Math.Sqrt(1 - (rho * rho)) * ni));
            }
            yield return (float[])current.Clone();
        }
    }

    private static (float, float) Normal(DeterministicRandom random)
    {
        var (a, b) = random.NextGaussianPair();
        return ((float)(a / Math.Sqrt(2)), (float)(b / Math.Sqrt(2)));
    }

    private static double Mean(float[] raster, int fromColumn, int toColumn)
    {
        double sum = 0;
        var n = 0;
        for (var row = 2; row < Size - 2; row++)
            for (var col = fromColumn; col < toColumn; col++) { sum += raster[(row * Size) + col]; n++; }
        return sum / n;
    }
}
