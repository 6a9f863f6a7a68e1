namespace MineFunctions.Core.Activity;

/// <summary>
/// Mean and spread of a pool of factors (t/m², ore conversion factors, emission factors). Table S2
/// gives "± std dev of the factors used" as the uncertainty. We use the sample standard deviation
/// (n − 1), because a pool is a sample of assets standing in for an unmeasured one; with a single
/// member it is undefined and reported as null ("not estimable"), never as a misleading 0.
/// </summary>
public sealed record SamplePool(double Mean, double? StdDev, int Count)
{
    public static SamplePool? From(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return null;
        var mean = list.Average();
        double? sd = null;
        if (list.Count > 1)
        {
            var ss = list.Sum(v => (v - mean) * (v - mean));
            sd = Math.Sqrt(ss / (list.Count - 1));
        }
        return new SamplePool(mean, sd, list.Count);
    }
}
