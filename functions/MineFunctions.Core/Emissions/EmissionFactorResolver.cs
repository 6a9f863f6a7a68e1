using MineFunctions.Core.Activity;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Emissions;

/// <summary>
/// Emission factor per asset-year (METHOD.md §1.7; Table S2): the asset's own report (medium), else a
/// company report that lists it (medium), else the mean of reported factors of the same commodity and
/// year in the same country (low), region (very low) or world (very low). Pools are per year because
/// reported factors drift year on year (the real BRA files: 0.0223, 0.0218, 0.0199 for 2020–22). A pool
/// member is one report: a company report counts once per country and commodity it covers, not once
/// per mine, so one large operator does not outvote the others.
/// </summary>
public sealed class EmissionFactorResolver
{
    private readonly Dictionary<(string, int), EmissionsReport> _assetReports;
    private readonly Dictionary<(string, int), EmissionsReport> _companyReports;
    private readonly Dictionary<(Commodity, int), TieredPool> _pools = [];
    private readonly Dictionary<Commodity, TieredPool> _allYears = [];

    public EmissionFactorResolver(IReadOnlyList<Asset> assets, IReadOnlyList<EmissionsReport> reports, CountryRegions regions)
    {
        var byId = assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _assetReports = reports.Where(r => r.Scope == ReportScope.Asset).ToDictionary(r => (r.SubjectId, r.Year));
        _companyReports = [];
        foreach (var r in reports.Where(r => r.Scope == ReportScope.Company).OrderBy(r => r.SubjectId, StringComparer.Ordinal))
            foreach (var id in r.AssetIds) _companyReports.TryAdd((id, r.Year), r);

        foreach (var r in reports)
        {
            var covered = r.AssetIds.Where(byId.ContainsKey).Select(id => byId[id]).Select(a => (a.Commodity, a.Iso3)).Distinct();
            foreach (var (commodity, iso3) in covered)
            {
                if (!_pools.TryGetValue((commodity, r.Year), out var pool)) _pools[(commodity, r.Year)] = pool = new TieredPool(regions);
                pool.Add(iso3, r.EmissionFactor);
                if (!_allYears.TryGetValue(commodity, out var all)) _allYears[commodity] = all = new TieredPool(regions);
                all.Add(iso3, r.EmissionFactor);
            }
        }
    }

    public EmissionFactorEstimate? Resolve(Asset asset, int year)
    {
        if (_assetReports.TryGetValue((asset.Id, year), out var own))
            return new EmissionFactorEstimate(own.EmissionFactor, Confidence.Medium, 0, EmissionFactorSource.AssetReport, 1);
        if (_companyReports.TryGetValue((asset.Id, year), out var company))
            return new EmissionFactorEstimate(company.EmissionFactor, Confidence.Medium, 0, EmissionFactorSource.CompanyReport, 1);
        if (!_pools.TryGetValue((asset.Commodity, year), out var pool) || pool.Resolve(asset.Iso3) is not { } resolved)
        {
            // A year nobody reported must not leave every asset without emissions: fall back to the
            // commodity's factors of the other years, at the lowest confidence (they drift year on year).
            return _allYears.TryGetValue(asset.Commodity, out var all) && all.Resolve(asset.Iso3) is { } other
                ? new EmissionFactorEstimate(other.Pool.Mean, Confidence.VeryLow, other.Pool.StdDev, EmissionFactorSource.OtherYearsMean, other.Pool.Count)
                : null;
        }
        var (mean, level) = resolved;
        return level switch
        {
            PoolLevel.National => new EmissionFactorEstimate(mean.Mean, Confidence.Low, mean.StdDev, EmissionFactorSource.NationalMean, mean.Count),
            PoolLevel.Regional => new EmissionFactorEstimate(mean.Mean, Confidence.VeryLow, mean.StdDev, EmissionFactorSource.RegionalMean, mean.Count),
            _ => new EmissionFactorEstimate(mean.Mean, Confidence.VeryLow, mean.StdDev, EmissionFactorSource.GlobalMean, mean.Count),
        };
    }
}
