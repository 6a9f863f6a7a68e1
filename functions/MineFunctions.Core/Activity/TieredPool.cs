using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Activity;

/// <summary>
/// A factor pool searched national → regional → global (METHOD.md §1.6–1.7; seed §5: factors "averaged
/// at a national or regional level"). Each observation is attributed to a country; the first level that
/// holds at least one observation is used, with its mean and sample std dev.
/// </summary>
public sealed class TieredPool
{
    private readonly List<(string Iso3, double Value)> _observations = [];
    private readonly CountryRegions _regions;

    public TieredPool(CountryRegions regions) => _regions = regions;

    public int Count => _observations.Count;

    public void Add(string iso3, double value) => _observations.Add((iso3, value));

    public (SamplePool Pool, PoolLevel Level)? Resolve(string iso3)
    {
        if (SamplePool.From(_observations.Where(o => o.Iso3 == iso3).Select(o => o.Value)) is { } national)
            return (national, PoolLevel.National);
        var region = _regions.RegionOf(iso3);
        if (region is not null && SamplePool.From(_observations.Where(o => _regions.RegionOf(o.Iso3) == region).Select(o => o.Value)) is { } regional)
            return (regional, PoolLevel.Regional);
        return SamplePool.From(_observations.Select(o => o.Value)) is { } global ? (global, PoolLevel.Global) : null;
    }
}
