using System.Globalization;
using System.Text.RegularExpressions;

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
/// Pair dates from a file name, else from FIRST_DATE/SECOND_DATE tags. Names carry two YYYYMMDD
/// dates separated by '_' or '-', each optionally followed by a THHMMSS time: PyRate/GAMMA
/// <c>cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif</c>, ASF HyP3
/// <c>S1AA_20180106T004021_20180130T004021_VVP012_INT80_G_ueF_5D91_corr.tif</c>.
/// </summary>
public static partial class PairDateParser
{
    [GeneratedRegex(@"(?<![0-9])(?<a>[0-9]{8})(?:T[0-9]{6})?[_-](?<b>[0-9]{8})(?:T[0-9]{6})?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDates();

    public static PairDates? FromFileName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (Match m in TwoDates().Matches(name))
        {
            if (TryDate(m.Groups["a"].Value, out var a) && TryDate(m.Groups["b"].Value, out var b))
                return new PairDates(a, b, PairDateSource.FileName);
        }
        return null;
    }

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
            $"No pair dates for '{Path.GetFileName(path)}': the name has no two YYYYMMDD dates separated by '_' or '-' " +
            "(e.g. cropA_20180106-20180130_....tif or S1AA_20180106T004021_20180130T004021_....tif) and the file has no FIRST_DATE/SECOND_DATE tags.");
    }

    private static string Format(PairDates d) => $"{d.Reference:yyyy-MM-dd}/{d.Secondary:yyyy-MM-dd}";

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
