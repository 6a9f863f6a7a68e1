using Microsoft.DurableTask;
using MineFunctions.Core.Contracts;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The asset's yearly mined area (METHOD.md §1.5): active pixels of a year from a window's class
/// counts (Y1 = R+Y+M+W, Y2 = G+Y+C+W, Y3 = B+C+M+W) × the pixel area. A year inside several
/// windows takes the latest one, the composite with the most recent context. The area's ± is half the
/// pixels whose decision the adaptive rule could not make with confidence, × the pixel area
/// (METHOD.md §3): a bound on how far the count could move. Writes one
/// AnnualActivity row per year (all its columns: this activity owns the row).
/// </summary>
public sealed class AssetAreaActivity(PipelineStorage storage) : TaskActivity<AssetAreaTask, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, AssetAreaTask input)
    {
        var (asset, key) = (input.Scope.AssetId, PipelineStorage.KeyOf(input.Scope.Settings));
        var rows = new List<AnnualActivityRow>();
        foreach (var year in input.Years)
        {
            var window = input.Windows.Where(w => year.Year >= w.FirstYear && year.Year <= w.FirstYear + 2).MaxBy(w => w.FirstYear);
            long? active = window is null ? null : ClassCounts.FromArray(window.CountsByClass.ToArray()).ActivePixels(year.Year - window.FirstYear);
            long? uncertain = window?.UncertainPixels is { Count: 3 } u ? u[year.Year - window.FirstYear] : null;
            rows.Add(new AnnualActivityRow(asset, key, year.Year, year.Accepted, year.Rejected, year.MeanNdai,
                year.Accepted > 0 ? ProductLayout.Annual(asset, key, year.Year) : null,
                active, window?.PixelAreaM2, active * window?.PixelAreaM2, uncertain, uncertain / 2.0 * window?.PixelAreaM2));
        }
        return await storage.Tables.UpsertAllAsync(rows);
    }
}
