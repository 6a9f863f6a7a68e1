namespace MineFunctions.Core.Pairs;

/// <summary>
/// Chooses the pairs of an asset's stack (METHOD.md §1.1): one track, direction and polarisation,
/// an allowed temporal baseline, |Bperp| within the limit. A pair without a known Bperp is kept and
/// flagged. Every candidate gets a verdict with its reason; nothing is dropped silently.
/// </summary>
public static class PairSelector
{
    public static IReadOnlyList<PairSelection> Select(IEnumerable<PairCandidate> candidates, PairSelectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rules);
        var list = candidates.ToList();
        var duplicates = list.GroupBy(p => p.PairId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw new ArgumentException($"Duplicate pair id(s): {string.Join(", ", duplicates)}.", nameof(candidates));

        // The stack must come from one geometry: keep the most common (track, direction) among pairs
        // that state it. Ties break on the ordinal order of the key so the choice is deterministic.
        var geometry = list
            .Where(p => p.Track is not null || p.Direction is not null)
            .GroupBy(p => (Track: p.Track ?? "", Direction: p.Direction ?? ""))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Track, StringComparer.Ordinal).ThenBy(g => g.Key.Direction, StringComparer.Ordinal)
            .Select(g => ((string Track, string Direction)?)g.Key)
            .FirstOrDefault();

        return list
            .OrderBy(p => p.Reference).ThenBy(p => p.Secondary).ThenBy(p => p.PairId, StringComparer.Ordinal)
            .Select(p => Judge(p, rules, geometry))
            .ToList();
    }

    private static PairSelection Judge(PairCandidate p, PairSelectionRules rules, (string Track, string Direction)? geometry)
    {
        var unknownBaseline = p.PerpendicularBaselineM is null;
        if (p.TemporalBaselineDays <= 0)
            return new(p, false, $"secondary date {p.Secondary:yyyy-MM-dd} is not after reference date {p.Reference:yyyy-MM-dd}", unknownBaseline);
        if (!rules.TemporalBaselinesDays.Contains(p.TemporalBaselineDays))
            return new(p, false, $"temporal baseline {p.TemporalBaselineDays} d not in [{string.Join(", ", rules.TemporalBaselinesDays)}] d", unknownBaseline);
        if (p.PerpendicularBaselineM is { } b && (!double.IsFinite(b) || Math.Abs(b) > rules.MaxPerpendicularBaselineM))
            return new(p, false, $"|Bperp| {Math.Abs(b):0.#} m exceeds {rules.MaxPerpendicularBaselineM:0.#} m", unknownBaseline);
        // A scene's polarisation may list several channels ("VV+VH" in asf_search results): the pair qualifies when one is the required one.
        if (rules.Polarisation is { } pol && p.Polarisation is { } own && !own.Split('+').Any(c => string.Equals(pol, c.Trim(), StringComparison.OrdinalIgnoreCase)))
            return new(p, false, $"polarisation {own} is not {pol}", unknownBaseline);
        if (geometry is { } g && (p.Track is not null || p.Direction is not null)
            && ((p.Track ?? "") != g.Track || (p.Direction ?? "") != g.Direction))
            return new(p, false, $"track/direction {p.Track}/{p.Direction} differs from the stack's {g.Track}/{g.Direction}", unknownBaseline);
        return new(p, true, unknownBaseline ? "selected; Bperp unknown" : "selected", unknownBaseline);
    }
}
