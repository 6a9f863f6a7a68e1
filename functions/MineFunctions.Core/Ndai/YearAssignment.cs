namespace MineFunctions.Core.Ndai;

public static class YearAssignment
{
    /// <summary>
    /// Calendar year of a pair under <paramref name="rule"/>. Dates may come in either order; the mid
    /// date is the earlier date plus half the interval, rounded down to a whole day.
    /// </summary>
    public static int YearOf(DateOnly reference, DateOnly secondary, YearAssignmentRule rule = YearAssignmentRule.MidDate)
    {
        var (first, second) = reference <= secondary ? (reference, secondary) : (secondary, reference);
        return rule switch
        {
            YearAssignmentRule.MidDate => first.AddDays((second.DayNumber - first.DayNumber) / 2).Year,
            YearAssignmentRule.ReferenceDate => first.Year,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown year assignment rule."),
        };
    }
}
