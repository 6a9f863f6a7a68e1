using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// One 3-year window (METHOD.md §1.5): reads the annual rasters (means, and for the adaptive default, METHOD.md §3, the
/// years' pair and disturbed-pair counts), the mine polygon and, for the adaptive rule, the stable mask and mean;
/// runs <see cref="WindowClassification"/>; writes the composite (COG), the class raster (COG, 255 =
/// outside or no data), the composite's PNG quick-look, the counts CSV and the ClassCounts row. The
/// class quick-looks are drawn from the class raster when asked for (<see cref="Runs.ClassQuickLooks"/>).
/// </summary>
public sealed class CompositeActivity(IProductStore store) : TaskActivity<WindowTask, WindowOutcome>
{
    public override async Task<WindowOutcome> RunAsync(TaskActivityContext context, WindowTask input)
    {
        var (scope, first, last) = (input.Scope, input.FirstYear, input.FirstYear + 2);
        var (asset, key) = (scope.AssetId, SettingsFingerprint.Of(scope.Settings));
        var classifier = scope.Settings.Classifier();
        var annual = await store.ReadAnnualWindowAsync(asset, key, first, withCounts: classifier.Rule == ClassificationRule.Adaptive);
        var (years, grid) = (annual.Means, annual.Grid);
        // The polygon and the adaptive rule's rasters are independent reads: in flight together, not one round trip after another.
        var polygonRead = store.ReadPolygonAsync(asset, grid);
        var adaptiveRead = classifier.Rule == ClassificationRule.Adaptive ? store.ReadAdaptiveInputsAsync(scope, key, annual) : null;
        var polygon = await polygonRead;
        var adaptive = adaptiveRead is null ? null : await adaptiveRead;
        var (red, green, blue, classes, counts, uncertain) = WindowClassification.Run(years[0], years[1], years[2], polygon, CompositeScaling.Default, classifier, adaptive);
        var pixelArea = scope.Settings.PixelAreaM2 ?? MeanPixelArea.Inside(PixelArea.ForGrid(grid).SquareMetresPerRow, grid.Width, polygon);

        var (compositeBlob, classesBlob, window) = (StorageLayout.Composite(asset, key, first, last), StorageLayout.Classes(asset, key, first, last), StorageLayout.WindowId(first, last));
        var ct = ActivityCancellation.Token;
        // Four independent products, uploaded together (each write is idempotent on its own); the row that names them after.
        await Task.WhenAll(
            store.WriteByteAsync(compositeBlob, [red, green, blue], grid, null, cloudOptimised: true, ct),
            store.WriteByteAsync(classesBlob, [classes], grid, ColourClassifier.Excluded, cloudOptimised: true, ct),
            store.WriteAsync(StorageLayout.Png(asset, key, $"composite_{window}"), QuickLookPng.Composite(grid.Width, grid.Height, red, green, blue, classes), "image/png", ct),
            store.WriteTextAsync(StorageLayout.Counts(asset, key, first, last), ClassCountsCsvWriter.Write(counts), "text/csv", ct));
        await store.UpsertAsync(new ClassCountsRow(asset, key, first, last, scope.Settings.ClassRule, counts, pixelArea, compositeBlob, classesBlob), ct);
        return new WindowOutcome(first, counts.ToArray(), pixelArea, scope.Settings.ClassRule, uncertain?.ToArray());
    }
}
