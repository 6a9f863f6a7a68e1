namespace MineFunctions.Core.Activity;

/// <summary>
/// One year of one asset's InSAR-measured activity and production: the row of `mine activity`'s
/// output. Reported years carry their own t/m²; other years carry the t/m² used for the estimate.
/// </summary>
public sealed record AssetYearProduction(
    int Year,
    long ActivePixels,
    double AreaM2,
    double? ReportedOreT,
    double? TPerM2,
    double? EstimatedOreT,
    Confidence? Confidence);

/// <summary>The production table of one asset, with the mean t/m² of its reported years.</summary>
public sealed record AssetProductionTable(IReadOnlyList<AssetYearProduction> Years, SamplePool? OwnTPerM2)
{
    /// <summary>
    /// METHOD.md §1.6: t/m² = reported ore / mined area for each reported year; years without a report
    /// get area × the asset's mean t/m² over its reported years (confidence medium, Table S2
    /// "InSAR-derived value"); reported years are high. Without any report (or with only zero-area
    /// reported years) nothing can be estimated for one asset alone: those fields stay empty.
    /// </summary>
    public static AssetProductionTable Compute(IReadOnlyList<YearArea> areas, IReadOnlyDictionary<int, double> reportedOreT)
    {
        foreach (var (year, ore) in reportedOreT)
        {
            if (areas.All(a => a.Year != year)) throw new ArgumentException($"Production reported for {year}, which is not a year of the window.", nameof(reportedOreT));
            if (!double.IsFinite(ore) || ore < 0) throw new ArgumentOutOfRangeException(nameof(reportedOreT), ore, $"Reported ore for {year} must be a non-negative number of tonnes.");
        }

        var ratios = areas
            .Where(a => a.AreaM2 > 0 && reportedOreT.ContainsKey(a.Year))
            .Select(a => reportedOreT[a.Year] / a.AreaM2);
        var own = SamplePool.From(ratios);

        var rows = areas.Select(a =>
        {
            if (reportedOreT.TryGetValue(a.Year, out var ore))
                return new AssetYearProduction(a.Year, a.ActivePixels, a.AreaM2, ore, a.AreaM2 > 0 ? ore / a.AreaM2 : null, null, Activity.Confidence.High);
            return own is null
                ? new AssetYearProduction(a.Year, a.ActivePixels, a.AreaM2, null, null, null, null)
                : new AssetYearProduction(a.Year, a.ActivePixels, a.AreaM2, null, own.Mean, a.AreaM2 * own.Mean, Activity.Confidence.Medium);
        }).ToList();
        return new AssetProductionTable(rows, own);
    }
}
