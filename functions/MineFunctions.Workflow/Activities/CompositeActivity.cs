using Microsoft.DurableTask;
using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// One 3-year window (METHOD.md §1.5): annual means → RGB composite → colour classes inside the mine
/// polygon → counts, by the configured rule (the adaptive default also reads the years' pair counts
/// and disturbed-pair counts and the stable mask and mean, METHOD.md §3). Writes the composite (COG), the class raster (COG, 255 = outside or no data),
/// the PNG quick-looks, the counts CSV and the ClassCounts row.
/// </summary>
public sealed class CompositeActivity(PipelineStorage storage) : TaskActivity<WindowTask, WindowOutcome>
{
    public override async Task<WindowOutcome> RunAsync(TaskActivityContext context, WindowTask input)
    {
        var (scope, first) = (input.Scope, input.FirstYear);
        var (asset, key, last) = (scope.AssetId, PipelineStorage.KeyOf(scope.Settings), input.FirstYear + 2);
        var years = new float[3][];
        GridSpec? grid = null;
        for (var i = 0; i < 3; i++)
        {
            var (pixels, yearGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, ProductLayout.Annual(asset, key, first + i), storage.ReadOptions, ActivityCancellation.Token);
            if (grid is null) grid = yearGrid;
            else GridCheck.EnsureSameGrid(grid, $"annual {first}", yearGrid, $"annual {first + i}");
            years[i] = pixels;
        }

        var polygon = await PolygonAsync(asset, grid!);
        var classifier = scope.Settings.Classifier();
        var adaptive = classifier.Rule == ClassificationRule.Adaptive ? await AdaptiveInputsAsync(scope, key, first, years, grid!) : null;
        var (red, green, blue, classes, counts, uncertain) = WindowClassification.Run(years[0], years[1], years[2], polygon, CompositeScaling.Default, classifier, adaptive);
        var pixelArea = scope.Settings.PixelAreaM2 ?? MeanPixelArea(grid!, polygon);

        var compositeBlob = ProductLayout.Composite(asset, key, first, last);
        var classesBlob = ProductLayout.Classes(asset, key, first, last);
        await RasterBlobs.WriteByteAsync(storage.Products, compositeBlob, [red, green, blue], grid!, null, cloudOptimised: true, ActivityCancellation.Token);
        await RasterBlobs.WriteByteAsync(storage.Products, classesBlob, [classes], grid!, ColourClassifier.Excluded, cloudOptimised: true, ActivityCancellation.Token);
        await WriteQuickLooksAsync(asset, key, first, last, red, green, blue, classes, grid!);
        await storage.Products.UploadAsync(WorkflowProducts.Counts(asset, key, first, last),
            System.Text.Encoding.UTF8.GetBytes(ClassCountsCsvWriter.Write(counts)), "text/csv");
        await storage.Tables.UpsertAsync(new ClassCountsRow(asset, key, first, last, scope.Settings.ClassRule, counts, pixelArea, compositeBlob, classesBlob));

        var byClass = new long[8];
        foreach (var c in Enum.GetValues<ColourClass>()) byClass[(int)c] = counts[c];
        return new WindowOutcome(first, byClass, pixelArea, scope.Settings.ClassRule, uncertain?.ToArray());
    }

    /// <summary>
    /// The adaptive rule's inputs (METHOD.md §3): each year's per-pixel pair and disturbed-pair counts,
    /// and its background from the asset's stable pixels (mask and time mean of StableStatisticsActivity).
    /// </summary>
    private async Task<AdaptiveInputs> AdaptiveInputsAsync(AssetScope scope, string key, int first, float[][] years, GridSpec grid)
    {
        var asset = scope.AssetId;
        var (mask, maskGrid) = await RasterBlobs.ReadByteAsync(storage.Products, WorkflowProducts.StableMask(asset, key), storage.ReadOptions, ActivityCancellation.Token);
        GridCheck.EnsureSameGrid(grid, $"annual {first}", maskGrid, "stable mask");
        var (stableMean, meanGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, WorkflowProducts.StableMean(asset, key), storage.ReadOptions, ActivityCancellation.Token);
        GridCheck.EnsureSameGrid(grid, $"annual {first}", meanGrid, "stable mean");
        var stableCoherence = DisturbanceLevel.StableCoherence(mask, stableMean)
            ?? throw new InvalidDataException($"Asset '{asset}' has no stable pixel: the adaptive rule has no background (use ClassRule hsv or threshold, or check the stable thresholds).");
        var pairs = new float[3][];
        var disturbed = new float[3][];
        var backgrounds = new YearBackground[3];
        for (var i = 0; i < 3; i++)
        {
            var (p, pGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, WorkflowProducts.AnnualCount(asset, key, first + i), storage.ReadOptions, ActivityCancellation.Token);
            GridCheck.EnsureSameGrid(grid, $"annual {first}", pGrid, $"pair counts {first + i}");
            var (d, dGrid) = await RasterBlobs.ReadFloat32Async(storage.Products, WorkflowProducts.AnnualDisturbed(asset, key, first + i), storage.ReadOptions, ActivityCancellation.Token);
            GridCheck.EnsureSameGrid(grid, $"annual {first}", dGrid, $"disturbed counts {first + i}");
            (pairs[i], disturbed[i]) = (p, d);
            backgrounds[i] = YearBackground.Estimate(years[i], p, mask, stableCoherence, scope.Settings.Window().Looks);
        }
        return new AdaptiveInputs(pairs, disturbed, backgrounds);
    }

    private async Task<byte[]> PolygonAsync(string asset, GridSpec grid)
    {
        foreach (var file in InputLayout.PolygonFiles)
        {
            var name = InputLayout.Polygon(asset, file);
            if (!await storage.Inputs.ExistsAsync(name)) continue;
            return PolygonMask.RasterizeContent(await storage.Inputs.DownloadCheckedAsync(name, InputLimits.MaxPolygonFileBytes), file, grid);
        }
        throw new InvalidDataException($"Asset '{asset}' has no mine polygon ({string.Join(" or ", InputLayout.PolygonFiles)}).");
    }

    /// <summary>
    /// The mean area of the pixels inside the polygon (METHOD.md §1.5: the real pixel area of the grid;
    /// per row for EPSG:4326, where area shrinks with latitude). Area = count × this mean is then exact.
    /// </summary>
    private static double MeanPixelArea(GridSpec grid, byte[] polygon)
    {
        var perRow = PixelArea.ForGrid(grid).SquareMetresPerRow;
        double sum = 0;
        long count = 0;
        for (var row = 0; row < grid.Height; row++)
        {
            var inside = 0;
            for (var col = 0; col < grid.Width; col++) if (polygon[(row * grid.Width) + col] != 0) inside++;
            sum += inside * perRow[row];
            count += inside;
        }
        return count == 0 ? perRow.Average() : sum / count;
    }

    /// <summary>The composite and one PNG per colour class (seed Figure 3), transparent outside the polygon.</summary>
    private async Task WriteQuickLooksAsync(string asset, string key, int first, int last, byte[] r, byte[] g, byte[] b, byte[] classes, GridSpec grid)
    {
        var window = ProductLayout.WindowId(first, last);
        await storage.Products.UploadAsync(ProductLayout.Png(asset, key, $"composite_{window}"),
            QuickLookPng.Composite(grid.Width, grid.Height, r, g, b, classes), "image/png");
        foreach (var colour in Enum.GetValues<ColourClass>())
        {
            await storage.Products.UploadAsync(ProductLayout.Png(asset, key, $"class-{colour.CsvName()}_{window}"),
                QuickLookPng.Class(grid.Width, grid.Height, classes, colour), "image/png");
        }
    }
}
