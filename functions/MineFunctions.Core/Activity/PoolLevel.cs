namespace MineFunctions.Core.Activity;

/// <summary>Where a pooled factor came from: the same country, the same region, or everywhere (METHOD.md §1.6–1.7).</summary>
public enum PoolLevel
{
    National,
    Regional,
    Global,
}
