using MineFunctions.Core.Composite;
using MineFunctions.Core.Simulation;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Demo;

/// <summary>
/// Scores a demo run against the simulator's truth: the fraction of the mine's pixels whose class in
/// the workflow's class raster equals the true class. A mine pixel left out of the class raster
/// (outside the rasterised polygon or without data) counts as wrong.
/// </summary>
internal static class DemoScore
{
    public static async Task<(long Correct, long Total)> ScoreAsync(PipelineStorage storage, string assetId, string settingsKey, SceneSimulator scene, CancellationToken cancellationToken)
    {
        var first = scene.Settings.FirstYear;
        var bytes = await storage.Products.DownloadBytesAsync(StorageLayout.Classes(assetId, settingsKey, first, first + 2), cancellationToken);
        using var raster = GdalRaster.OpenBytes(bytes, "classes.tif");
        var classes = raster.ReadFloat32();
        long correct = 0, total = 0;
        for (var i = 0; i < scene.Pixels; i++)
        {
            if (scene.MineMask[i] == 0) continue;
            total++;
            // The excluded value (255) is the raster's nodata, so the reader gives NaN for it.
            if (!float.IsNaN(classes[i]) && classes[i] != ColourClassifier.Excluded && (byte)classes[i] == scene.TrueClass[i]) correct++;
        }
        return (correct, total);
    }
}
