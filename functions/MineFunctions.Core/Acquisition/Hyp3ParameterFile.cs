using System.Globalization;

namespace MineFunctions.Core.Acquisition;

/// <summary>
/// The InSAR parameter file inside a HyP3 product (<c>&lt;product&gt;.txt</c>, "Name: value" lines;
/// HyP3 burst/InSAR product guides, Table 4). Its "Baseline" is the perpendicular baseline in
/// metres that HyP3 itself computed: the pair is checked against the |Bperp| rule again with it
/// after processing (METHOD.md §1.1), whatever the search estimated.
/// </summary>
public static class Hyp3ParameterFile
{
    /// <summary>The "Baseline" value in metres, or null when the file has none.</summary>
    public static double? PerpendicularBaselineM(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || !line[..colon].Trim().Equals("Baseline", StringComparison.OrdinalIgnoreCase)) continue;
            var value = line[(colon + 1)..].Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && double.IsFinite(b)) return b;
            throw new FormatException($"The parameter file's Baseline '{value}' is not a number.");
        }
        return null;
    }
}
