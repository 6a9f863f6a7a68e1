using System.Globalization;

namespace MineFunctions.Core.Pairs;

/// <summary>What the asf_search stack readers (CSV and GeoJSON) share: scene dates and the check that each date is one scene.</summary>
internal static class StackScenes
{
    /// <summary>The UTC date of the start time ("2021-01-02T03:20:31.092706Z"), else the scene name's first date.</summary>
    public static bool TryDate(string? startTime, string sceneName, out DateOnly date)
    {
        if (startTime is not null && DateTimeOffset.TryParse(startTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            date = DateOnly.FromDateTime(t.UtcDateTime);
            return true;
        }
        var dates = NameDates.All(sceneName);
        date = dates.Count > 0 ? dates[0] : default;
        return dates.Count > 0;
    }

    /// <summary>
    /// The catalogue of a stack. A date must be one scene: two scenes of one date (two frames, or a
    /// stack searched twice) are kept as one when their baselines agree, and an error when they do not,
    /// because a pair's Bperp would then depend on which one was meant.
    /// </summary>
    public static PairCatalogue Build(string source, string format, List<(int Line, StackScene Scene)> scenes, List<string> errors)
    {
        var unique = new List<StackScene>();
        foreach (var g in scenes.GroupBy(s => s.Scene.Date).OrderBy(g => g.Key))
        {
            var first = g.First().Scene;
            var other = g.Skip(1).FirstOrDefault(s => s.Scene.PerpendicularBaselineM != first.PerpendicularBaselineM);
            if (other.Scene is not null)
            {
                errors.Add($"{source}:{other.Line}: scene {other.Scene.SceneName} shares the date {g.Key:yyyy-MM-dd} with {first.SceneName} but not its perpendicular baseline ({other.Scene.PerpendicularBaselineM} m against {first.PerpendicularBaselineM} m).");
                continue;
            }
            unique.Add(first);
        }
        return new PairCatalogue(source, format, [], unique, []);
    }
}
