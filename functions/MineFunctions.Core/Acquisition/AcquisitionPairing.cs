using System.Globalization;

namespace MineFunctions.Core.Acquisition;

/// <summary>
/// Forms the pairs to process from a search result (METHOD.md §1.1): within one stack (same
/// track, direction and burst or frame) and one polarisation, each acquisition pairs with its
/// partner at the first temporal baseline of the rules (12 d) whose scene exists and whose |Bperp|
/// is within the limit, else the next (24 d). A pair whose Bperp is unknown is kept (and checked
/// again against the processed product's parameter file). Pairs already processed (a coherence
/// raster of the same two dates is stored) or ending before <c>since</c> are skipped with their
/// reason; so is every scene the rules leave out. Pairs already ordered are not this step's
/// business: their jobs are found by name and adopted, never ordered again (<see cref="Hyp3JobPlanner"/>).
/// </summary>
public static class AcquisitionPairing
{
    public static PairingPlan Form(IEnumerable<SceneAcquisition> scenes, AcquisitionPairingRules rules, IReadOnlySet<(DateOnly Reference, DateOnly Secondary)>? processed = null, DateOnly? since = null)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var pairs = new List<AcquisitionPair>();
        var skipped = new List<PairingSkip>();

        var usable = new List<SceneAcquisition>();
        foreach (var s in scenes)
        {
            if (!s.Carries(rules.Polarisation)) skipped.Add(new(s.SceneName, $"polarisation {s.Polarisation} does not carry {rules.Polarisation}"));
            else usable.Add(s);
        }

        foreach (var stack in usable.GroupBy(s => (s.StackId, s.Track, Direction: s.Direction.ToUpperInvariant()))
                     .OrderBy(g => g.Key.StackId, StringComparer.Ordinal).ThenBy(g => g.Key.Track).ThenBy(g => g.Key.Direction, StringComparer.Ordinal))
        {
            // One scene per date and stack; a second one (a reprocessed granule) is reported, the first by name kept.
            var byDate = new SortedDictionary<DateOnly, SceneAcquisition>();
            foreach (var s in stack.OrderBy(s => s.SceneName, StringComparer.Ordinal))
            {
                if (!byDate.TryAdd(s.Date, s)) skipped.Add(new(s.SceneName, $"another scene of stack {stack.Key.StackId} on {s.Date:yyyy-MM-dd} was kept ({byDate[s.Date].SceneName})"));
            }

            foreach (var (date, reference) in byDate)
            {
                var pair = Partner(reference, byDate, rules, out var why);
                if (pair is null)
                {
                    skipped.Add(new(reference.SceneName, why));
                    continue;
                }
                if (since is { } from && pair.Secondary.Date < from)
                    skipped.Add(new(pair.Key, $"secondary date {pair.Secondary.Date:yyyy-MM-dd} is before {from:yyyy-MM-dd}"));
                else if (processed is not null && processed.Contains((pair.Reference.Date, pair.Secondary.Date)))
                    skipped.Add(new(pair.Key, "already processed (a coherence raster of these dates is stored)"));
                else
                    pairs.Add(pair);
            }
        }
        return new PairingPlan(pairs, skipped);
    }

    private static AcquisitionPair? Partner(SceneAcquisition reference, SortedDictionary<DateOnly, SceneAcquisition> byDate, AcquisitionPairingRules rules, out string why)
    {
        var reasons = new List<string>();
        foreach (var days in rules.TemporalBaselinesDays)
        {
            if (!byDate.TryGetValue(reference.Date.AddDays(days), out var secondary))
            {
                reasons.Add($"no acquisition {days} d later");
                continue;
            }
            var pair = new AcquisitionPair(reference, secondary, rules.Polarisation);
            if (pair.PerpendicularBaselineM is { } b && !(Math.Abs(b) <= rules.MaxPerpendicularBaselineM))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{days} d partner has |Bperp| {Math.Abs(b):0.#} m > {rules.MaxPerpendicularBaselineM:0.#} m"));
                continue;
            }
            why = "";
            return pair;
        }
        why = "no partner: " + string.Join("; ", reasons);
        return null;
    }
}
