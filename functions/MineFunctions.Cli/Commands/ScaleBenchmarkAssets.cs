using System.Globalization;
using System.Text;
using MineFunctions.Cli.Demo;
using MineFunctions.Core.Simulation;
using MineFunctions.Core.Stable;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// The synthetic assets of `mine bench scale`: one simulated scene (<see cref="SceneSimulator"/>, no
/// weather) encoded once, given to N asset folders ("scale-0001", …) with their manifest, polygon and
/// production, in the input layout `mine run` reads. Every asset is the same work, so per-asset
/// figures are comparable; the simulator's cost is paid once, outside the timings.
/// </summary>
internal sealed class ScaleBenchmarkAssets
{
    private readonly List<(string Name, byte[] Bytes)> _pairs = [];
    private readonly byte[] _polygon;
    private readonly GridSpec _grid;

    public ScaleBenchmarkAssets(int assets, int pairsPerYear, int size)
    {
        if (assets < 1) throw new UsageException("--assets must be at least 1.");
        // One a year leaves two pairs in three years (the third acquisition falls after the last day): no stack to screen.
        if (pairsPerYear is < 2 or > 30) throw new UsageException("--pairs-per-year must be between 2 and 30.");
        if (size is < 32 or > 4096) throw new UsageException("--size must be between 32 and 4096.");
        Ids = Enumerable.Range(1, assets).Select(i => string.Create(CultureInfo.InvariantCulture, $"scale-{i:D4}")).ToList();
        RevisitDays = 365 / pairsPerYear;
        Scene = new SceneSimulator(new SceneSettings { Width = size, Height = size, Seed = 41, FirstYear = 2020, Years = 3, RevisitDays = RevisitDays, WeatherDatesPerYear = 0 });
        var mine = DemoMine.Defaults[0];
        var grid = _grid = DemoSample.GridOf(mine, Scene);
        var coherence = new float[Scene.Pixels];
        foreach (var pair in Scene.Pairs)
        {
            Scene.FillCoherence(pair.Index, coherence);
            _pairs.Add((string.Create(CultureInfo.InvariantCulture, $"{pair.ReferenceDate:yyyyMMdd}_{pair.SecondaryDate:yyyyMMdd}_corr.tif"), GeoTiffWriter.WriteFloat32ToBytes(coherence, grid)));
        }
        _polygon = Encoding.UTF8.GetBytes(PolygonGeoJson.FromPixelVertices(Scene.MinePolygon.Select(p => (p.X, p.Y)).ToList(), grid));
    }

    public IReadOnlyList<string> Ids { get; }

    public SceneSimulator Scene { get; }

    /// <summary>Days between acquisitions: the one temporal baseline the run selects.</summary>
    public int RevisitDays { get; }

    public int PairsPerAsset => _pairs.Count;

    /// <summary>
    /// Every input of every asset, by its input-container name (StorageLayout), to <paramref name="put"/>, a few at a time;
    /// with <paramref name="withholdLast"/>, all but each asset's last pair (<see cref="WriteLastPairAsync"/> adds it later);
    /// under <paramref name="ids"/> instead of <see cref="Ids"/> when given (the same assets under other names).
    /// </summary>
    public Task WriteAsync(Func<string, byte[], CancellationToken, Task> put, int parallel, CancellationToken cancellationToken, bool withholdLast = false, IReadOnlyList<string>? ids = null) =>
        Parallel.ForEachAsync(ids ?? Ids, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            foreach (var (name, bytes) in withholdLast ? _pairs.SkipLast(1) : _pairs) await put(StorageLayout.PairRaster(id, $"{id}_{name}"), bytes, ct);
            await put(StorageLayout.Polygon(id), _polygon, ct);
            await put(StorageLayout.Manifest(id), Encoding.UTF8.GetBytes(new AssetManifest(id, "iron", "BRA", -19.8, -43.2).ToJson()), ct);
            await put(StorageLayout.Production(id), Encoding.UTF8.GetBytes($"asset_id,year,product,tonnes\n{id},2020,ore,1000000\n"), ct);
        });

    /// <summary>
    /// `--keep-mask`: the last pair keeps its coherence only where the other pairs' time mean and std lie at least
    /// <paramref name="margin"/> from the stable thresholds, so one more value cannot move a pixel across one, and
    /// is nodata elsewhere (a pair covering part of the scene): the incremental refresh's path with an unchanged stable mask.
    /// </summary>
    public void KeepMaskWithLastPair(StableThresholds thresholds, double margin = 0.1)
    {
        var stats = new PixelStatistics(Scene.Pixels);
        var coherence = new float[Scene.Pixels];
        foreach (var pair in Scene.Pairs.SkipLast(1))
        {
            Scene.FillCoherence(pair.Index, coherence);
            stats.Add(coherence);
        }
        Scene.FillCoherence(Scene.Pairs[^1].Index, coherence);
        for (var i = 0; i < coherence.Length; i++)
        {
            if (Math.Abs(stats.Mean(i) - thresholds.PixelMeanMin) < margin || Math.Abs(stats.StandardDeviation(i) - thresholds.PixelStdMax) < margin)
                coherence[i] = float.NaN;
        }
        _pairs[^1] = (_pairs[^1].Name, GeoTiffWriter.WriteFloat32ToBytes(coherence, _grid));
    }

    /// <summary>Each asset's last pair: the new pair of an incremental refresh (`--incremental`).</summary>
    public Task WriteLastPairAsync(Func<string, byte[], CancellationToken, Task> put, int parallel, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Ids, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (id, ct) => await put(StorageLayout.PairRaster(id, $"{id}_{_pairs[^1].Name}"), _pairs[^1].Bytes, ct));
}
