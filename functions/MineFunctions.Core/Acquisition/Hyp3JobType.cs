namespace MineFunctions.Core.Acquisition;

/// <summary>
/// The HyP3 job types this service orders, their looks and their credit cost, as the HyP3 job
/// specs state them (job_spec/INSAR_ISCE_BURST.yml, INSAR_ISCE_MULTI_BURST.yml, INSAR_GAMMA.yml,
/// EDC cost profile: the one hyp3-api.asf.alaska.edu charges).
/// </summary>
public static class Hyp3JobType
{
    public const string IsceBurst = "INSAR_ISCE_BURST";
    public const string IsceMultiBurst = "INSAR_ISCE_MULTI_BURST";
    public const string Gamma = "INSAR_GAMMA";

    public static IReadOnlyList<string> All { get; } = [IsceBurst, IsceMultiBurst, Gamma];

    /// <summary>Looks the spec's enum allows for the job type (range x azimuth; 5x1 ≈ 20 m pixels for bursts).</summary>
    public static IReadOnlyList<string> Looks(string jobType) => jobType switch
    {
        IsceBurst or IsceMultiBurst => ["20x4", "10x2", "5x1"],
        Gamma => ["20x4", "10x2"],
        _ => throw new ArgumentException($"Unknown HyP3 job type '{jobType}'; expected one of {string.Join(", ", All)}."),
    };

    /// <summary>True for the burst job types, whose scenes come from a BURST search; INSAR_GAMMA takes whole SLCs.</summary>
    public static bool UsesBursts(string jobType) => jobType != Gamma;

    /// <summary>Checks a job type and looks pair; returns the canonical job type.</summary>
    public static string Validate(string jobType, string looks)
    {
        var type = All.FirstOrDefault(t => string.Equals(t, jobType?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown HyP3 job type '{jobType}'; expected one of {string.Join(", ", All)}.");
        if (!Looks(type).Contains(looks))
            throw new ArgumentException($"Looks '{looks}' is not allowed for {type}; expected one of {string.Join(", ", Looks(type))}.");
        return type;
    }

    /// <summary>Credits one job costs (EDC profile). Multi-burst jobs cost by looks and number of reference bursts (1-15).</summary>
    public static double Cost(string jobType, string looks, int referenceBursts = 1)
    {
        Validate(jobType, looks);
        switch (jobType)
        {
            case IsceBurst:
                return 1.0;
            case Gamma:
                return looks == "20x4" ? 10.0 : 15.0;
            default:
                if (referenceBursts is < 1 or > MaxMultiBursts)
                    throw new ArgumentOutOfRangeException(nameof(referenceBursts), referenceBursts, $"A multi-burst job takes 1 to {MaxMultiBursts} bursts.");
                return MultiBurstCost[looks][referenceBursts - 1];
        }
    }

    /// <summary>The largest burst count the multi-burst cost table prices.</summary>
    public const int MaxMultiBursts = 15;

    private static readonly Dictionary<string, double[]> MultiBurstCost = new(StringComparer.Ordinal)
    {
        ["20x4"] = [1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 10, 10, 10],
        ["10x2"] = [1, 1, 1, 5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 10],
        ["5x1"] = [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 90, 95, 100, 105, 110],
    };
}
