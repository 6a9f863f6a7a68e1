namespace MineFunctions.Core.Acquisition;

/// <summary>
/// Turns an asset's pairs into HyP3 jobs. INSAR_ISCE_BURST (default): one job per burst pair, but
/// where the polygon spans several bursts of one track the pairs of the same two dates go into one
/// INSAR_ISCE_MULTI_BURST job (bursts in id order, at most 15 per job), so the asset gets one
/// coherence raster per date pair. INSAR_ISCE_MULTI_BURST: always the multi-burst job.
/// INSAR_GAMMA: one job per SLC pair. Job names are "mf:ASSET:PAIRKEY" (at most 100 characters, the
/// API's limit).
/// </summary>
public static class Hyp3JobPlanner
{
    public const string NamePrefix = "mf:";

    public const int MaxNameLength = 100;

    public static string JobName(string assetId, string pairKey)
    {
        var name = $"{NamePrefix}{assetId}:{pairKey}";
        if (name.Length > MaxNameLength)
            throw new ArgumentException($"HyP3 job name '{name}' is {name.Length} characters; the API allows {MaxNameLength}. Use a shorter asset id.");
        return name;
    }

    public static IReadOnlyList<PlannedJob> Plan(string assetId, IEnumerable<AcquisitionPair> pairs, string jobType, string looks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        var type = Hyp3JobType.Validate(jobType, looks);
        var list = pairs.ToList();
        if (type == Hyp3JobType.Gamma) return list.Select(p => Single(assetId, p, type, looks)).ToList();

        var jobs = new List<PlannedJob>();
        foreach (var group in list
                     .GroupBy(p => (p.Reference.Track, Direction: p.Reference.Direction.ToUpperInvariant(), Ref: p.Reference.Date, Sec: p.Secondary.Date, p.Polarisation))
                     .OrderBy(g => g.Key.Ref).ThenBy(g => g.Key.Sec).ThenBy(g => g.Key.Track))
        {
            var bursts = group.OrderBy(p => p.Reference.StackId, StringComparer.Ordinal).ToList();
            if (type == Hyp3JobType.IsceBurst && bursts.Count == 1)
            {
                jobs.Add(Single(assetId, bursts[0], type, looks));
                continue;
            }
            foreach (var chunk in bursts.Chunk(Hyp3JobType.MaxMultiBursts))
            {
                var first = chunk[0];
                var key = chunk.Length == 1 ? first.Key : $"{first.Key}_x{chunk.Length}";
                jobs.Add(new PlannedJob(JobName(assetId, key), Hyp3JobType.IsceMultiBurst, looks,
                    chunk.Select(p => p.Reference.SceneName).ToList(), chunk.Select(p => p.Secondary.SceneName).ToList(),
                    Hyp3JobType.Cost(Hyp3JobType.IsceMultiBurst, looks, chunk.Length), first.Reference.Date, first.Secondary.Date, key,
                    LargestBaseline(chunk)));
            }
        }
        return jobs;
    }

    private static PlannedJob Single(string assetId, AcquisitionPair p, string type, string looks) =>
        new(JobName(assetId, p.Key), type, looks, [p.Reference.SceneName], [p.Secondary.SceneName],
            Hyp3JobType.Cost(type, looks), p.Reference.Date, p.Secondary.Date, p.Key, p.PerpendicularBaselineM);

    private static double? LargestBaseline(IEnumerable<AcquisitionPair> pairs) =>
        pairs.Select(p => p.PerpendicularBaselineM).Where(b => b is not null).OrderByDescending(b => Math.Abs(b!.Value)).FirstOrDefault();
}
