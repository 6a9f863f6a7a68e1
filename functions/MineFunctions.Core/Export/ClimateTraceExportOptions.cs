namespace MineFunctions.Core.Export;

/// <summary>
/// Values of the export that are not results: the created/modified stamps (passed in, so Core never
/// reads the clock and the same inputs give the same bytes), and whether the confidence file holds
/// every year (default) or, like the November 2023 release, the latest year only.
/// </summary>
public sealed record ClimateTraceExportOptions(DateTime CreatedDate, DateTime ModifiedDate, bool ConfidenceLatestYearOnly = false);
