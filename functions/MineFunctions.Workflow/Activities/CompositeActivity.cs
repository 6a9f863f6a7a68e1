using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Workflow;
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
/// One 3-year window (METHOD.md §1.5): reads the annual means, the mine polygon and, for the adaptive
/// default (METHOD.md §3), the years' pair and disturbed-pair counts and the stable mask and mean;
/// runs <see cref="WindowClassification"/>; writes the composite (COG), the class raster (COG, 255 =
/// outside or no data), the PNG quick-looks, the counts CSV and the ClassCounts row.
/// </summary>
public sealed class CompositeActivity(IProductStore store) : TaskActivity<WindowTask, WindowOutcome>
{
    [ActivatorUtilitiesConstructor]
    public CompositeActivity(PipelineStorage storage) : this((IProductStore)storage) { }

    public override async Task<WindowOutcome> RunAsync(TaskActivityContext context, WindowTask input)
    {
        var (scope, first, last) = (input.Scope, input.FirstYear, input.FirstYear + 2);
        var (asset, key) = (scope.AssetId, SettingsFingerprint.Of(scope.Settings));
        var (years, grid) = await ReadYearsAsync(first, y => StorageLayout.Annual(asset, key, y), "annual", null);
        // The polygon and the adaptive rule's rasters are independent reads: in flight together, not one round trip after another.
        var polygonRead = store.ReadPolygonAsync(asset, grid);
        var classifier = scope.Settings.Classifier();
        var adaptiveRead = classifier.Rule == ClassificationRule.Adaptive ? AdaptiveInputsAsync(scope, key, first, years, grid) : null;
        var polygon = await polygonRead;
        var adaptive = adaptiveRead is null ? null : await adaptiveRead;
        var (red, green, blue, classes, counts, uncertain) = WindowClassification.Run(years[0], years[1], years[2], polygon, CompositeScaling.Default, classifier, adaptive);
        var pixelArea = scope.Settings.PixelAreaM2 ?? MeanPixelArea.Inside(PixelArea.ForGrid(grid).SquareMetresPerRow, grid.Width, polygon);

        var (compositeBlob, classesBlob, window) = (StorageLayout.Composite(asset, key, first, last), StorageLayout.Classes(asset, key, first, last), StorageLayout.WindowId(first, last));
        var ct = ActivityCancellation.Token;
        // Twelve independent products, uploaded together (each write is idempotent on its own); the row that names them after.
        List<Task> writes =
        [
            store.WriteByteAsync(compositeBlob, [red, green, blue], grid, null, cloudOptimised: true, ct),
            store.WriteByteAsync(classesBlob, [classes], grid, ColourClassifier.Excluded, cloudOptimised: true, ct),
            store.WriteAsync(StorageLayout.Png(asset, key, $"composite_{window}"), QuickLookPng.Composite(grid.Width, grid.Height, red, green, blue, classes), "image/png", ct),
            .. Enum.GetValues<ColourClass>().Select(colour =>
                store.WriteAsync(StorageLayout.Png(asset, key, $"class-{colour.CsvName()}_{window}"), QuickLookPng.Class(grid.Width, grid.Height, classes, colour), "image/png", ct)),
            store.WriteTextAsync(StorageLayout.Counts(asset, key, first, last), ClassCountsCsvWriter.Write(counts), "text/csv", ct),
        ];
        await Task.WhenAll(writes);
        await store.UpsertAsync(new ClassCountsRow(asset, key, first, last, scope.Settings.ClassRule, counts, pixelArea, compositeBlob, classesBlob), ct);
        return new WindowOutcome(first, counts.ToArray(), pixelArea, scope.Settings.ClassRule, uncertain?.ToArray());
    }

    /// <summary>The adaptive rule's inputs (METHOD.md §3), from the years' count rasters and the stack's stable mask and mean.</summary>
    private async Task<AdaptiveInputs> AdaptiveInputsAsync(AssetScope scope, string key, int first, float[][] years, GridSpec grid)
    {
        var asset = scope.AssetId;
        var pairsRead = ReadYearsAsync(first, y => StorageLayout.AnnualCount(asset, key, y), "pair counts", grid);
        var disturbedRead = ReadYearsAsync(first, y => StorageLayout.AnnualDisturbed(asset, key, y), "disturbed counts", grid);
        var stableRead = store.ReadStableAsync(asset, key);
        var (pairs, _) = await pairsRead;
        var (disturbed, _) = await disturbedRead;
        var (mask, stableMean, maskGrid) = await stableRead;
        GridCheck.EnsureSameGrid(grid, $"annual {first}", maskGrid, "stable mask");
        return AdaptiveInputs.FromStack(years, pairs, disturbed, mask, stableMean, scope.Settings.Window().Looks)
            ?? throw new InvalidDataException($"Asset '{asset}' has no stable pixel: the adaptive rule has no background (use ClassRule hsv or threshold, or check the stable thresholds).");
    }

    /// <summary>Three consecutive years of one product, all on <paramref name="grid"/> (or the first year's grid when null).</summary>
    private async Task<(float[][] Years, GridSpec Grid)> ReadYearsAsync(int first, Func<int, string> name, string what, GridSpec? grid)
    {
        var years = new float[3][];
        var reads = Enumerable.Range(0, 3).Select(i => store.ReadFloat32Async(StoreArea.Products, name(first + i), ActivityCancellation.Token)).ToList();
        for (var i = 0; i < 3; i++)
        {
            var (pixels, yearGrid) = await reads[i];
            if (grid is null) grid = yearGrid;
            else GridCheck.EnsureSameGrid(grid, $"annual {first}", yearGrid, $"{what} {first + i}");
            years[i] = pixels;
        }
        return (years, grid!);
    }
}
