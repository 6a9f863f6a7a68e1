using MineFunctions.Infrastructure.Files;
using System.Globalization;
using System.Text;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Cli.Demo;

/// <summary>
/// Builds the demo's input container from the Core scene simulator: per mine, 12-day coherence
/// pairs over three years as GeoTIFFs (dates in the names, as HyP3 does), the mine polygon as
/// GeoJSON, asset.json and production/emissions CSVs. The simulator's truth stays in memory for
/// scoring the result. Reported tonnages follow the true active area at a fixed t/m² so the
/// estimate has something real to recover.
/// </summary>
internal sealed class DemoSample
{
    /// <summary>Ore per m² of active ground used to make the reported production (seed Table 2 is 3.2–3.4).</summary>
    public const double TruthTonnesPerM2 = 3.2;

    /// <summary>Emission factor of the reported emissions, t CO2 / t ore (Sishen's reported 0.0102, METHOD.md §2).</summary>
    public const double TruthEmissionFactor = 0.0102;

    public const double PixelSizeM = 20;

    private DemoSample(IReadOnlyList<(DemoMine Mine, SceneSimulator Scene)> mines) => Mines = mines;

    public IReadOnlyList<(DemoMine Mine, SceneSimulator Scene)> Mines { get; }

    public int Pairs => Mines.Sum(m => m.Scene.Pairs.Count);

    public static DemoSample Create(int assets, int size)
    {
        if (assets < 1 || assets > DemoMine.Defaults.Count) throw new ArgumentOutOfRangeException(nameof(assets), $"The demo has 1 to {DemoMine.Defaults.Count} mines.");
        return new DemoSample(DemoMine.Defaults.Take(assets)
            .Select(m => (m, new SceneSimulator(new SceneSettings { Width = size, Height = size, Seed = m.Seed, FirstYear = 2020, Years = 3 })))
            .ToList());
    }

    /// <summary>The grid of a mine: north-up UTM, 20 m pixels, centred near the mine's coordinates.</summary>
    public static GridSpec GridOf(DemoMine mine, SceneSimulator scene) =>
        GridSpec.NorthUp(scene.Width, scene.Height, 500_000 + (mine.Seed * 1_000), 7_800_000, PixelSizeM, -PixelSizeM, GridCrs.Wkt(mine.UtmEpsg));

    public Task UploadAsync(ProductBlobStore inputs, TextWriter log, CancellationToken cancellationToken) =>
        WriteAsync((name, bytes) => inputs.UploadAsync(name, bytes, ContentType(name), cancellationToken), log, cancellationToken);

    /// <summary>The same inputs as files: one asset folder per mine under <paramref name="directory"/> (for `mine run --input`).</summary>
    public Task WriteFolderAsync(string directory, TextWriter log, CancellationToken cancellationToken) =>
        WriteAsync(async (name, bytes) =>
        {
            var path = Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await AtomicFile.WriteAllBytesAsync(path, bytes, cancellationToken);
        }, log, cancellationToken);

    private static string ContentType(string name) =>
        name.EndsWith(".tif", StringComparison.Ordinal) ? "image/tiff" : name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json";

    /// <summary>Every input of every mine, by its input-container name (see StorageLayout).</summary>
    private async Task WriteAsync(Func<string, byte[], Task> put, TextWriter log, CancellationToken cancellationToken)
    {
        foreach (var (mine, scene) in Mines)
        {
            var grid = GridOf(mine, scene);
            var coherence = new float[scene.Pixels];
            foreach (var pair in scene.Pairs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scene.FillCoherence(pair.Index, coherence);
                var name = string.Create(CultureInfo.InvariantCulture, $"{mine.AssetId}_{pair.ReferenceDate:yyyyMMdd}_{pair.SecondaryDate:yyyyMMdd}_corr.tif");
                await put(StorageLayout.PairRaster(mine.AssetId, name), GeoTiffWriter.WriteFloat32ToBytes(coherence, grid));
            }

            var polygon = PolygonGeoJson.FromPixelVertices(scene.MinePolygon.Select(p => (p.X, p.Y)).ToList(), grid);
            await put(StorageLayout.Polygon(mine.AssetId), Encoding.UTF8.GetBytes(polygon));
            await put(StorageLayout.Manifest(mine.AssetId), Encoding.UTF8.GetBytes(new AssetManifest(mine.Name, mine.Commodity, mine.Iso3, mine.Lat, mine.Lon).ToJson()));
            await put(StorageLayout.Production(mine.AssetId), Encoding.UTF8.GetBytes(ProductionCsv(mine, scene)));
            if (mine.ReportsEmissions)
                await put(StorageLayout.Emissions(mine.AssetId), Encoding.UTF8.GetBytes(EmissionsCsv(mine, scene)));
            log.WriteLine($"  {mine.AssetId,-16} {scene.Pairs.Count} pairs ({scene.Pairs.Count(p => p.WeatherHit)} weather-hit), {scene.Width}×{scene.Height} px, {mine.Commodity}, {mine.Iso3}");
        }
    }

    /// <summary>True active pixels of year index 0..2 inside the mine (the simulator's truth classes).</summary>
    public static long TrueActivePixels(SceneSimulator scene, int yearIndex)
    {
        long n = 0;
        for (var i = 0; i < scene.Pixels; i++)
        {
            if (scene.MineMask[i] != 0 && ((ColourClass)scene.TrueClass[i]).IsActiveInYear(yearIndex)) n++;
        }
        return n;
    }

    private static double TrueOre(SceneSimulator scene, int year) =>
        Math.Round(TrueActivePixels(scene, year - scene.Settings.FirstYear) * PixelSizeM * PixelSizeM * TruthTonnesPerM2);

    private static string ProductionCsv(DemoMine mine, SceneSimulator scene)
    {
        var csv = new StringBuilder("asset_id,year,product,tonnes\n");
        foreach (var year in mine.ReportedYears)
            csv.Append(CultureInfo.InvariantCulture, $"{mine.AssetId},{year},ore,{TrueOre(scene, year):0}\n");
        return csv.ToString();
    }

    private static string EmissionsCsv(DemoMine mine, SceneSimulator scene)
    {
        var year = mine.ReportedYears[0];
        var ore = TrueOre(scene, year);
        return string.Create(CultureInfo.InvariantCulture,
            $"scope,subject_id,year,co2e_t,ore_t\nasset,{mine.AssetId},{year},{Math.Round(ore * TruthEmissionFactor):0},{ore:0}\n");
    }
}
