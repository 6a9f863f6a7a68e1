using MineFunctions.Core.Activity;

namespace MineFunctions.Core.Emissions;

/// <summary>
/// Activity × emission factor per asset-year (METHOD.md §1.6–1.7). Emissions confidence is the lower of
/// activity and factor confidence (Table S2), uncertainty per <see cref="ProductUncertainty"/>. Zero
/// activity gives truly zero emissions (the real files' 0), even without a factor.
/// </summary>
public static class EmissionsEstimator
{
    public static EstimateResult Estimate(EstimateInputs inputs)
    {
        var activity = new ActivityEstimator(inputs.Assets, inputs.Production, inputs.ConversionFactors, inputs.MinedAreas, inputs.Regions);
        var factors = new EmissionFactorResolver(inputs.Assets, inputs.EmissionsReports, inputs.Regions);
        var rows = new List<AssetYearEstimate>();
        var warnings = new List<string>();
        foreach (var asset in inputs.Assets.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            foreach (var year in inputs.Years.Order())
            {
                var a = activity.Estimate(asset, year);
                var f = factors.Resolve(asset, year);
                if (a is null) warnings.Add($"{asset.Id} {year}: no activity (no report, no earlier report, no usable area): emissions left empty.");
                else if (f is null && a.OreT != 0) warnings.Add($"{asset.Id} {year}: no emission factor for {asset.Commodity.ToString().ToLowerInvariant()} in {year} at any level: emissions left empty.");
                rows.Add(Combine(asset, year, a, f));
            }
        }
        return new EstimateResult(inputs.Years.Order().ToList(), rows, warnings);
    }

    /// <summary>E = A × F with the lower confidence of the two and the product uncertainty.</summary>
    public static AssetYearEstimate Combine(Inputs.Asset asset, int year, ActivityEstimate? a, EmissionFactorEstimate? f)
    {
        if (a is null) return new AssetYearEstimate(asset, year, null, f, null, null, null);
        if (a.OreT == 0)
            return new AssetYearEstimate(asset, year, a, f, 0, f is null ? a.Confidence : a.Confidence.Lower(f.Confidence), 0);
        if (f is null) return new AssetYearEstimate(asset, year, a, null, null, null, null);
        return new AssetYearEstimate(asset, year, a, f, a.OreT * f.TCo2PerTOre, a.Confidence.Lower(f.Confidence),
            ProductUncertainty.Of(a.OreT, a.UncertaintyT, f.TCo2PerTOre, f.Uncertainty));
    }
}
