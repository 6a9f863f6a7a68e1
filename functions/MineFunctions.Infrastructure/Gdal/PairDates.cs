using System.Globalization;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>Where a pair's dates came from.</summary>
public enum PairDateSource
{
    FileName,
    Tags,
}

/// <summary>Reference (first) and secondary (second) acquisition dates of an interferometric pair.</summary>
public sealed record PairDates(DateOnly Reference, DateOnly Secondary, PairDateSource Source)
{
    public int TemporalBaselineDays => Secondary.DayNumber - Reference.DayNumber;
}

/// <summary>
/// Pair dates from a file name, else from FIRST_DATE/SECOND_DATE tags. Names are read by
/// <see cref="NameDates.Pair"/>: two distinct date tokens (yyyyMMdd, yyyyMMddTHHmmss or SNAP's
/// ddMMMyyyy), earlier = reference: PyRate/GAMMA <c>cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif</c>,
/// HyP3 <c>S1AA_20180106T004021_20180130T004021_VVP012_INT80_G_ueF_5D91_corr.tif</c>, SNAP
/// <c>coh_IW2_VV_09Aug2019_02Sep2019.tif</c>.
/// </summary>
public static class PairDateParser
{
    public static PairDates? FromFileName(string path) =>
        NameDates.Pair(Path.GetFileName(path), out _) is { } p ? new PairDates(p.Reference, p.Secondary, PairDateSource.FileName) : null;

    /// <summary>FIRST_DATE / SECOND_DATE as written by PyRate/GAMMA ("2018-01-06") or as YYYYMMDD.</summary>
    public static PairDates? FromTags(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.TryGetValue("FIRST_DATE", out var first) && tags.TryGetValue("SECOND_DATE", out var second)
            && TryDate(first, out var a) && TryDate(second, out var b))
            return new PairDates(a, b, PairDateSource.Tags);
        return null;
    }

    /// <summary>
    /// The name's dates, else the tags' dates. When both exist they must agree (a renamed file
    /// must not silently move a pair to another year).
    /// </summary>
    public static PairDates Resolve(string path, IReadOnlyDictionary<string, string> tags)
    {
        var fromName = FromFileName(path);
        var fromTags = FromTags(tags);
        if (fromName is not null && fromTags is not null &&
            (fromName.Reference != fromTags.Reference || fromName.Secondary != fromTags.Secondary))
            throw new FormatException(
                $"'{Path.GetFileName(path)}' names the pair {Format(fromName)} but its FIRST_DATE/SECOND_DATE tags say {Format(fromTags)}.");
        return fromName ?? fromTags ?? throw new FormatException(
            $"No pair dates for '{Path.GetFileName(path)}': {(NameDates.Pair(Path.GetFileName(path), out var problem) is null ? problem : "")} " +
            "(e.g. cropA_20180106-20180130_....tif, S1AA_20180106T004021_20180130T004021_....tif or coh_IW2_VV_09Aug2019_02Sep2019.tif) and the file has no FIRST_DATE/SECOND_DATE tags.");
    }

    private static string Format(PairDates d) => $"{d.Reference:yyyy-MM-dd}/{d.Secondary:yyyy-MM-dd}";

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
