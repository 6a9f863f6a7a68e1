using System.Globalization;

namespace MineFunctions.Core.Pairs;

/// <summary>
/// Acquisition dates written in file and band names by the tools users get pairs from. A date is a
/// whole token of the name (tokens are separated by '_', '-', '.' and the ends of the name), in one of:
/// <list type="bullet">
/// <item><c>yyyyMMdd</c>: PyRate/GAMMA <c>cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif</c>, HyP3 burst
/// <c>S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif</c>;</item>
/// <item><c>yyyyMMddTHHmmss</c>: HyP3 GAMMA <c>S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_corr.tif</c>,
/// Sentinel-1 scene names;</item>
/// <item><c>ddMMMyyyy</c> with an English month abbreviation, any case: SNAP <c>coh_IW2_VV_09Aug2019_02Sep2019</c>.</item>
/// </list>
/// A token glued to other characters (<c>v20210501</c>) is not a date, so version stamps and orbit
/// numbers are never read as dates.
/// </summary>
public static class NameDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Every date token of <paramref name="name"/>, in the order written (repeats kept).</summary>
    public static IReadOnlyList<DateOnly> All(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dates = new List<DateOnly>();
        foreach (var token in name.Split(['_', '-', '.']))
        {
            if (TryToken(token, out var d)) dates.Add(d);
        }
        return dates;
    }

    /// <summary>
    /// The pair of a name: exactly two distinct dates, earlier = reference, later = secondary (coherence
    /// is symmetric; ARIA GUNW names write the later date first). A Sentinel-1 scene name repeats its date
    /// (start and stop time), so repeats count once: a SNAP name holding two scene names is a pair.
    /// Null with <paramref name="problem"/> set when the name holds fewer or more than two distinct dates.
    /// </summary>
    public static (DateOnly Reference, DateOnly Secondary)? Pair(string name, out string? problem)
    {
        var distinct = All(name).Distinct().ToList();
        problem = distinct.Count switch
        {
            0 => "no date in the name (yyyyMMdd, yyyyMMddTHHmmss or ddMMMyyyy between '_', '-' or '.')",
            1 => $"only one date in the name ({distinct[0]:yyyy-MM-dd}); a pair needs two",
            2 => null,
            _ => $"{distinct.Count} different dates in the name ({string.Join(", ", distinct.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}); a pair needs exactly two",
        };
        if (problem is not null) return null;
        var (a, b) = (distinct[0], distinct[1]);
        return a < b ? (a, b) : (b, a);
    }

    /// <summary>The one date of an acquisition's name (an SLC file), or null with <paramref name="problem"/> set.</summary>
    public static DateOnly? Single(string name, out string? problem)
    {
        var distinct = All(name).Distinct().ToList();
        problem = distinct.Count switch
        {
            0 => "no date in the name (yyyyMMdd, yyyyMMddTHHmmss or ddMMMyyyy between '_', '-' or '.')",
            1 => null,
            _ => $"{distinct.Count} different dates in the name; an acquisition needs exactly one",
        };
        return problem is null ? distinct[0] : null;
    }

    /// <summary>One token as a date: yyyyMMdd, yyyyMMddTHHmmss or ddMMMyyyy.</summary>
    public static bool TryToken(string token, out DateOnly date)
    {
        date = default;
        if (token.Length == 15 && token[8] is 'T' or 't' && AllDigits(token.AsSpan(9)))
            token = token[..8];
        if (token.Length == 8 && AllDigits(token))
            return DateOnly.TryParseExact(token, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (token.Length == 9 && AllDigits(token.AsSpan(0, 2)) && AllDigits(token.AsSpan(5)))
        {
            var month = Array.IndexOf(Months, token.Substring(2, 3).ToLowerInvariant());
            if (month < 0) return false;
            var day = int.Parse(token.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var year = int.Parse(token.AsSpan(5), CultureInfo.InvariantCulture);
            if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month + 1)) return false;
            date = new DateOnly(year, month + 1, day);
            return true;
        }
        return false;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
        }
        return s.Length > 0;
    }
}
