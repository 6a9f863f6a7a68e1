using MineFunctions.Core.Activity;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The asset's yearly mined area (METHOD.md §1.5, <see cref="WindowYearArea"/>) from its windows' class
/// counts, with the ± of the adaptive rule's uncertain pixels (METHOD.md §3). Writes one AnnualActivity
/// row per year (all its columns: this activity owns the row).
/// </summary>
public sealed class AssetAreaActivity(IProductStore store) : TaskActivity<AssetAreaTask, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, AssetAreaTask input)
    {
        var (asset, key) = (input.Scope.AssetId, SettingsFingerprint.Of(input.Scope.Settings));
        var windows = input.Windows.Select(w => new WindowCounts(w.FirstYear, ClassCounts.FromArray(w.CountsByClass.ToArray()), w.PixelAreaM2, w.UncertainPixels)).ToList();
        var rows = input.Years.Select(year => (year, area: WindowYearArea.Of(year.Year, windows))).Select(y => new AnnualActivityRow(
            asset, key, y.year.Year, y.year.Accepted, y.year.Rejected, y.year.MeanNdai, y.year.Accepted > 0 ? StorageLayout.Annual(asset, key, y.year.Year) : null,
            y.area.ActivePixels, y.area.PixelAreaM2, y.area.AreaM2, y.area.UncertainPixels, y.area.UncertaintyM2));
        return store.UpsertAllAsync(rows, ActivityCancellation.Token);
    }
}
