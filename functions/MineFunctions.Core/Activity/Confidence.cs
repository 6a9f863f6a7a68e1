namespace MineFunctions.Core.Activity;

/// <summary>
/// Confidence levels of the Climate TRACE asset files (seed Table S2). Ordered, so "the lower of two"
/// is <see cref="Math.Min(int,int)"/> on the value.
/// </summary>
public enum Confidence
{
    VeryLow = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

public static class ConfidenceExtensions
{
    /// <summary>The text used in the `_confidence.csv` files: "high", "medium", "low", "very low".</summary>
    public static string CsvName(this Confidence c) => c switch
    {
        Confidence.VeryLow => "very low",
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    /// <summary>The lower of two confidences (Table S2: emissions take the lower of activity and EF).</summary>
    public static Confidence Lower(this Confidence a, Confidence b) => (Confidence)Math.Min((int)a, (int)b);
}
