using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Activity;

/// <summary>
/// Ore activity per asset-year (METHOD.md §1.6, seed §4–5 and Table S2). Tried in order, first that applies wins:
/// <list type="number">
/// <item>reported ore for the year: high, uncertainty 0;</item>
/// <item>a product reported for the year × ore/product factor pooled national → regional → global: medium;</item>
/// <item>InSAR area × the asset's own mean t/m² over its reported years: medium;</item>
/// <item>reported ore of the latest earlier year: medium, uncertainty 0 (no scaling factor);</item>
/// <item>InSAR area × pooled t/m² of the same commodity, national → regional → global: medium;</item>
/// <item>a product reported for the latest earlier year × pooled factor: low.</item>
/// </list>
/// Same-year evidence (1–3) comes before carried-forward evidence (4, 6); among equals Table S2's
/// confidence decides. Factor pools: every asset-year reporting both ore and a product gives ore/product,
/// plus the observations of the conversion-factor file. t/m² pools: one member per asset (its own
/// mean), so an asset with many reported years does not outweigh the others; only years with ore &gt; 0
/// and area &gt; 0 give a t/m².
/// </summary>
public sealed class ActivityEstimator
{
    private readonly Dictionary<(string, int), List<ReportedProduction>> _production;
    private readonly Dictionary<(string, int), double> _area;
    private readonly Dictionary<(string, int), double?> _areaUncertainty;
    private readonly Dictionary<(Commodity, string), TieredPool> _conversion = [];
    private readonly Dictionary<Commodity, TieredPool> _tonnesPerM2 = [];
    private readonly Dictionary<string, SamplePool> _ownTonnesPerM2 = new(StringComparer.Ordinal);
    private readonly CountryRegions _regions;

    public ActivityEstimator(
        IReadOnlyList<Asset> assets,
        IReadOnlyList<ReportedProduction> production,
        IReadOnlyList<ConversionFactorObservation> conversionFactors,
        IReadOnlyList<MinedArea> minedAreas,
        CountryRegions regions)
    {
        _regions = regions;
        _production = production.GroupBy(p => (p.AssetId, p.Year)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Product, StringComparer.Ordinal).ToList());
        _area = minedAreas.ToDictionary(a => (a.AssetId, a.Year), a => a.AreaM2);
        _areaUncertainty = minedAreas.ToDictionary(a => (a.AssetId, a.Year), a => a.UncertaintyM2);

        foreach (var f in conversionFactors) ConversionPool(f.Commodity, f.Product).Add(f.Iso3, f.OrePerProduct);
        foreach (var asset in assets)
        {
            var ratios = new List<double>();
            foreach (var ((id, year), rows) in _production)
            {
                if (id != asset.Id || rows.FirstOrDefault(r => r.IsOre) is not { } ore) continue;
                foreach (var product in rows.Where(r => !r.IsOre && r.Tonnes > 0 && ore.Tonnes > 0))
                    ConversionPool(asset.Commodity, product.Product).Add(asset.Iso3, ore.Tonnes / product.Tonnes);
                if (ore.Tonnes > 0 && _area.TryGetValue((id, year), out var area) && area > 0) ratios.Add(ore.Tonnes / area);
            }
            if (SamplePool.From(ratios) is { } own)
            {
                _ownTonnesPerM2[asset.Id] = own;
                TonnesPerM2Pool(asset.Commodity).Add(asset.Iso3, own.Mean);
            }
        }
    }

    /// <summary>The asset's own t/m² (mean over its reported years with an area), if any.</summary>
    public SamplePool? OwnTonnesPerSquareMetre(string assetId) => _ownTonnesPerM2.GetValueOrDefault(assetId);

    /// <summary>The pooled t/m² an asset of this commodity and country would get.</summary>
    public (SamplePool Pool, PoolLevel Level)? PooledTonnesPerSquareMetre(Commodity commodity, string iso3) =>
        _tonnesPerM2.TryGetValue(commodity, out var pool) ? pool.Resolve(iso3) : null;

    /// <summary>The activity of one asset-year, or null when no rule applies (written as empty, "not modelled").</summary>
    public ActivityEstimate? Estimate(Asset asset, int year)
    {
        var rows = _production.GetValueOrDefault((asset.Id, year)) ?? [];
        if (rows.FirstOrDefault(r => r.IsOre) is { } ore)
            return new ActivityEstimate(ore.Tonnes, Confidence.High, 0, ActivityMethod.ReportedOre, year);

        if (Convert(asset, rows, year, ActivityMethod.ConvertedProduct, Confidence.Medium) is { } converted)
            return converted;

        var hasArea = _area.TryGetValue((asset.Id, year), out var area);
        if (hasArea && _ownTonnesPerM2.TryGetValue(asset.Id, out var own))
            return FromArea(asset, year, area, own.Mean, own.StdDev, ActivityMethod.InsarOwnTonnesPerSquareMetre, null, own.Count);

        var earlier = _production.Where(kv => kv.Key.Item1 == asset.Id && kv.Key.Item2 < year).OrderByDescending(kv => kv.Key.Item2).ToList();
        if (earlier.Select(kv => kv.Value.FirstOrDefault(r => r.IsOre)).FirstOrDefault(r => r is not null) is { } previousOre)
            return new ActivityEstimate(previousOre.Tonnes, Confidence.Medium, 0, ActivityMethod.PreviousYearOre, previousOre.Year);

        if (hasArea && PooledTonnesPerSquareMetre(asset.Commodity, asset.Iso3) is { } pooled)
        {
            var (pool, level) = pooled;
            return FromArea(asset, year, area, pool.Mean, pool.StdDev, ActivityMethod.InsarPooledTonnesPerSquareMetre, level, pool.Count);
        }

        foreach (var (key, previous) in earlier)
        {
            if (Convert(asset, previous, key.Item2, ActivityMethod.ConvertedPreviousYearProduct, Confidence.Low) is { } carried)
                return carried;
        }
        return null;
    }

    /// <summary>
    /// Relative classification ± of the area above which an InSAR activity is low instead of medium
    /// confidence (METHOD.md §3): a quarter of the area could go either way.
    /// </summary>
    public const double UncertainAreaShare = 0.25;

    /// <summary>
    /// Area × t/m² (Table S2, medium). Without a classification ± the uncertainty is area × σ(t/m²) as
    /// before; with one it is that of a product of two independent quantities (<see cref="Emissions.ProductUncertainty"/>),
    /// and an area whose ± exceeds <see cref="UncertainAreaShare"/> of it lowers the confidence to low.
    /// </summary>
    private ActivityEstimate FromArea(Asset asset, int year, double area, double factor, double? factorSd, ActivityMethod method, PoolLevel? level, int poolSize)
    {
        var areaSd = _areaUncertainty.GetValueOrDefault((asset.Id, year));
        var uncertainty = areaSd is null ? area * factorSd : Emissions.ProductUncertainty.Of(area, areaSd, factor, factorSd);
        var confidence = areaSd is { } s && area > 0 && s / area > UncertainAreaShare ? Confidence.Low : Confidence.Medium;
        return new ActivityEstimate(area * factor, confidence, uncertainty, method, year,
            Factor: factor, PoolLevel: level, PoolSize: poolSize, AreaM2: area, AreaUncertaintyM2: areaSd);
    }

    /// <summary>Converts the reported product whose factor pool is the most specific (ties: alphabetical product).</summary>
    private ActivityEstimate? Convert(Asset asset, IReadOnlyList<ReportedProduction> rows, int sourceYear, ActivityMethod method, Confidence confidence)
    {
        ActivityEstimate? best = null;
        foreach (var product in rows.Where(r => !r.IsOre))
        {
            if (!_conversion.TryGetValue((asset.Commodity, product.Product), out var pool) || pool.Resolve(asset.Iso3) is not { } resolved) continue;
            var (factor, level) = resolved;
            if (best is not null && best.PoolLevel <= level) continue;
            best = new ActivityEstimate(product.Tonnes * factor.Mean, confidence, product.Tonnes * factor.StdDev, method, sourceYear,
                product.Product, factor.Mean, level, factor.Count);
        }
        return best;
    }

    private TieredPool ConversionPool(Commodity commodity, string product)
    {
        if (!_conversion.TryGetValue((commodity, product), out var pool)) _conversion[(commodity, product)] = pool = new TieredPool(_regions);
        return pool;
    }

    private TieredPool TonnesPerM2Pool(Commodity commodity)
    {
        if (!_tonnesPerM2.TryGetValue(commodity, out var pool)) _tonnesPerM2[commodity] = pool = new TieredPool(_regions);
        return pool;
    }
}
