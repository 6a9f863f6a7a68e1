namespace MineFunctions.Core.Composite;

/// <summary>
/// The one place rule names are read: "adaptive", "hsv", "threshold", as the ClassRule setting and the
/// CLI's --rule write them (METHOD.md §1.5, §3).
/// </summary>
public static class ClassificationRuleNames
{
    public static IReadOnlyList<string> All { get; } = ["adaptive", "hsv", "threshold"];

    /// <summary>The rule of a name (lower case, as documented); throws <see cref="ArgumentException"/> naming the accepted ones (as the other settings checks do).</summary>
    public static ClassificationRule Parse(string name) => name switch
    {
        "adaptive" => ClassificationRule.Adaptive,
        "hsv" => ClassificationRule.Hsv,
        "threshold" => ClassificationRule.ChannelThreshold,
        _ => throw new ArgumentException($"Class rule '{name}' is not 'adaptive', 'hsv' or 'threshold'."),
    };

    public static string Name(ClassificationRule rule) => rule switch
    {
        ClassificationRule.Adaptive => "adaptive",
        ClassificationRule.Hsv => "hsv",
        ClassificationRule.ChannelThreshold => "threshold",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown classification rule."),
    };
}
