using System.Globalization;
using MineFunctions.Core.Ndai;

namespace MineFunctions.Core.Pairs;

/// <summary>
/// A selected pair and where its input is: a coherence raster (<see cref="InputName"/>) or, when null, the
/// two SLC acquisitions; <see cref="Product"/> is the HyP3 product's metadata when the input is one.
/// </summary>
public sealed record InventoryPair(PairCandidate Pair, string? InputName, int Year, Hyp3ProductInfo? Product = null);

/// <summary>
/// An input left out before any pixel work, with why: a file whose name holds no pair (no
/// <see cref="Pair"/>), a duplicate of a kept pair, or a pair the selection rules exclude (with its numbers).
/// </summary>
public sealed record InventoryExclusion(string Subject, string Reason, PairCandidate? Pair, bool Duplicate);

/// <summary>What <see cref="PairInventory.Build"/> found: the pairs to process, the ones left out and the warnings.</summary>
public sealed record PairInventoryResult(IReadOnlyList<InventoryPair> Selected, IReadOnlyList<InventoryExclusion> Excluded, IReadOnlyList<string> Warnings);

/// <summary>
/// The pairs of one asset from its input names (METHOD.md §1.1): coherence rasters (dates from their
/// names, <see cref="NameDates"/>) and SLC acquisitions (<c>yyyyMMdd.tif</c>, paired along the 12-day
/// chain, bridged by 24 days), with each pair's Bperp from the catalogue, then the selection rules.
/// Duplicates (two inputs with the same dates) keep one by a fixed rule: a coherence raster before an
/// SLC pair (the product is given; recomputing it would only differ by processing), and among rasters
/// the ordinal-first name (<see cref="StringComparer.Ordinal"/>: upper case sorts before lower case);
/// the others are reported. A pair's Bperp comes from the catalogue when it states one, else from its
/// HyP3 product's parameter file. Nothing is dropped without a reason.
/// </summary>
public static class PairInventory
{
    /// <param name="pairRasters">Names of the coherence rasters (each a path whose last segment is the file name).</param>
    /// <param name="slcRasters">Names of the SLC acquisitions.</param>
    /// <param name="products">Product metadata by raster name, for the rasters that are HyP3 or SNAP products.</param>
    /// <param name="headerDates">Pair dates by raster name from a product header, for rasters whose names hold none (a SNAP band named "coh").</param>
    public static PairInventoryResult Build(
        IEnumerable<string> pairRasters,
        IEnumerable<string> slcRasters,
        PairCatalogue catalogue,
        PairSelectionRules rules,
        YearAssignmentRule yearRule,
        IReadOnlyDictionary<string, Hyp3ProductInfo>? products = null,
        IReadOnlyDictionary<string, (DateOnly Reference, DateOnly Secondary)>? headerDates = null)
    {
        products ??= new Dictionary<string, Hyp3ProductInfo>();
        Hyp3ProductInfo? ProductOf(string? name) => name is not null && products.TryGetValue(name, out var p) ? p : null;
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rules);
        var excluded = new List<InventoryExclusion>();
        var warnings = new List<string>(catalogue.Warnings);

        var kept = new Dictionary<(DateOnly, DateOnly), string?>();
        foreach (var name in pairRasters.Order(StringComparer.Ordinal))
        {
            var file = FileName(name);
            if ((NameDates.Pair(file, out var problem) ?? (headerDates is not null && headerDates.TryGetValue(name, out var d) ? d : null)) is not { } dates)
            {
                excluded.Add(new InventoryExclusion(file, $"no pair dates: {problem}", null, false));
                continue;
            }
            if (kept.TryGetValue(dates, out var first))
            {
                excluded.Add(new InventoryExclusion(file, $"duplicate of {FileName(first!)} (same dates {Id(dates)}); the ordinal-first name is kept", Candidate(dates, catalogue, ProductOf(name)), true));
                continue;
            }
            kept[dates] = name;
        }

        var slcDates = new SortedDictionary<DateOnly, string>();
        foreach (var name in slcRasters.Order(StringComparer.Ordinal))
        {
            var file = FileName(name);
            if (!DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                excluded.Add(new InventoryExclusion(file, "an SLC acquisition must be named <yyyyMMdd>.tif", null, false));
                continue;
            }
            if (!slcDates.TryAdd(date, name))
                excluded.Add(new InventoryExclusion(file, $"duplicate of {FileName(slcDates[date])} (same date {date:yyyy-MM-dd})", null, true));
        }
        foreach (var dates in SlcPairs(slcDates.Keys.ToList(), rules.TemporalBaselinesDays))
        {
            if (kept.TryGetValue(dates, out var raster))
                excluded.Add(new InventoryExclusion($"slc {Id(dates)}", $"duplicate of {FileName(raster!)} (same dates); the coherence raster is kept", Candidate(dates, catalogue, null), true));
            else
                kept[dates] = null;
        }

        var selected = new List<InventoryPair>();
        foreach (var verdict in PairSelector.Select(kept.Select(k => Candidate(k.Key, catalogue, ProductOf(k.Value))), rules))
        {
            var p = verdict.Pair;
            var input = kept[(p.Reference, p.Secondary)];
            if (verdict.Selected) selected.Add(new InventoryPair(p, input, YearAssignment.YearOf(p.Reference, p.Secondary, yearRule), ProductOf(input)));
            else excluded.Add(new InventoryExclusion(input is null ? $"slc {p.PairId}" : FileName(input), verdict.Reason, p, false));
        }

        var unmatched = catalogue.Pairs.Where(c => !kept.ContainsKey((c.Reference, c.Secondary))).ToList();
        if (unmatched.Count > 0)
        {
            const int shown = 10;
            warnings.Add($"{unmatched.Count} pair(s) listed in {catalogue.Describe} have no coherence raster or SLC pair: " +
                string.Join(", ", unmatched.Take(shown).Select(c => Id((c.Reference, c.Secondary)))) + (unmatched.Count > shown ? ", …" : ""));
        }
        return new PairInventoryResult(selected, excluded, warnings);
    }

    private static PairCandidate Candidate((DateOnly Reference, DateOnly Secondary) d, PairCatalogue catalogue, Hyp3ProductInfo? product)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{d.Reference:yyyyMMdd}_{d.Secondary:yyyyMMdd}");
        var c = catalogue.Find(d.Reference, d.Secondary);
        var (bperp, source) = c?.PerpendicularBaselineM is { } b ? (b, c.Source)
            : product?.BaselineM is { } pb ? (pb, product.BaselineSource)
            : ((double?)null, (string?)null);
        return new PairCandidate(id, d.Reference, d.Secondary, bperp, c?.Track, c?.Direction, c?.Polarisation, source);
    }

    /// <summary>
    /// Consecutive SLC dates whose gap is an allowed temporal baseline: the 12-day chain, bridged by a
    /// 24-day pair where one acquisition is missing (METHOD.md §1.1), never redundant longer pairs.
    /// </summary>
    public static IEnumerable<(DateOnly, DateOnly)> SlcPairs(IReadOnlyList<DateOnly> dates, IReadOnlyList<int> baselines)
    {
        for (var i = 0; i + 1 < dates.Count; i++)
        {
            if (baselines.Contains(dates[i + 1].DayNumber - dates[i].DayNumber)) yield return (dates[i], dates[i + 1]);
        }
    }

    private static string FileName(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static string Id((DateOnly Reference, DateOnly Secondary) d) => $"{d.Reference:yyyy-MM-dd}/{d.Secondary:yyyy-MM-dd}";
}
