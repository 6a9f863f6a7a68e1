namespace MineFunctions.Core.Ndai;

/// <summary>Which calendar year a pair's NDAI belongs to (METHOD.md §1.4).</summary>
public enum YearAssignmentRule
{
    /// <summary>Default: the year of the pair's mid-date (a 12-day pair spanning New Year goes where most of it lies).</summary>
    MidDate,

    /// <summary>The year of the reference (earlier) acquisition.</summary>
    ReferenceDate,
}
