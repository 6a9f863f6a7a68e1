using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Simulation;

/// <summary>
/// One scenario of the science grid (METHOD.md §3): how intensely the pits are worked, how
/// often the background is disturbed, whether the vegetation is seasonal, the revisit, the window's
/// looks and the speckle's correlation. <see cref="Realistic"/> marks the scenarios the pair-screening
/// target applies to (bedrock disturbed in at most 5 % of pairs); <paramref name="Stress"/> the ones
/// beyond the accuracy target's domain, reported to show where the rule breaks down.
/// </summary>
/// <param name="ZoneShares">Per-zone intensity (8 values, zone order), overriding <paramref name="Intensity"/>; null = the same everywhere.</param>
public sealed record ScienceScenario(
    string Name, double Intensity, double Background = 0, double Bedrock = 0, bool SeasonalVegetation = false,
    int RevisitDays = 12, int WindowX = 7, int WindowY = 2, double SpeckleCorrelation = 0, IReadOnlyList<double>? ZoneShares = null, bool Stress = false)
{
    /// <summary>Bedrock disturbed in at most 5 % of pairs: the pair-screening target applies.</summary>
    public bool Realistic => Bedrock <= 0.05;

    /// <summary>Lowest intensity of any zone.</summary>
    public double MinIntensity => ZoneShares?.Min() ?? Intensity;

    public SceneSettings ToSettings(int size, ulong seed) => new()
    {
        Width = size,
        Height = size,
        Seed = seed,
        RevisitDays = RevisitDays,
        Window = new CoherenceWindow(WindowX, WindowY),
        ActiveShare = Intensity,
        ZoneActiveShares = ZoneShares,
        BackgroundDisturbance = Background,
        BedrockDisturbance = Bedrock,
        VegetationDryCoherence = SeasonalVegetation ? 0.85 : null,
        SpeckleCorrelation = SpeckleCorrelation,
    };
}

/// <summary>The scenarios of `mine bench science` and of its fast test.</summary>
public static class ScienceGrid
{
    /// <summary>Name of the demo's scene (every zone worked in every pair), whose target is 97 % (METHOD.md §3.4).</summary>
    public const string DemoScenario = "demo (strong activity)";

    /// <summary>Intensities of 30–70 % by zone, as on the holdout mine of issue 20 (zone order of <see cref="SceneSimulator.ZoneClasses"/>).</summary>
    public static IReadOnlyList<double> HoldoutShares { get; } = [0.3, 0.5, 0.7, 0.4, 0.6, 0.35, 0.45, 0.55];

    /// <summary>
    /// The full grid: an intensity sweep, then background, seasonal vegetation, revisit, looks (5 to 14) and
    /// speckle varied around weak activity, and bedrock disturbed in 5 or 15 % of pairs (few, less coherent stable
    /// pixels). Stress scenario: a 10 × 3 window wider than the 8-px disturbance cells (their decorrelation is
    /// diluted in every window).
    /// </summary>
    public static IReadOnlyList<ScienceScenario> Full { get; } =
    [
        .. new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0 }.Select(i => new ScienceScenario($"intensity {i:P0}", i)),
        .. new[] { 0.1, 0.3, 0.5, 0.7, 1.0 }.Select(i => new ScienceScenario($"intensity {i:P0}, bg 15 %, scrub", i, 0.15, 0.02, true)),
        new("holdout 30-70 %, bg 15 %, scrub", 0.3, 0.15, 0.02, true, ZoneShares: HoldoutShares),
        new("holdout, bg 10 %, 24-day", 0.3, 0.10, 0.02, true, RevisitDays: 24, ZoneShares: HoldoutShares),
        new("intensity 30 %, bg 10 %, 24-day", 0.3, 0.10, 0.02, true, RevisitDays: 24),
        new("intensity 30 %, bg 10 %, 5x1 looks", 0.3, 0.10, 0.02, true, WindowX: 5, WindowY: 1),
        new("intensity 30 %, bg 10 %, 4x2 looks", 0.3, 0.10, 0.02, true, WindowX: 4, WindowY: 2),
        new("intensity 30 %, bg 10 %, 10x3 looks", 0.3, 0.10, 0.02, true, WindowX: 10, WindowY: 3, Stress: true),
        new("intensity 30 %, bg 10 %, speckle 0.3", 0.3, 0.10, 0.02, true, SpeckleCorrelation: 0.3),
        new("intensity 30 %, bedrock 5 %", 0.3, 0.10, 0.05, true),
        new("intensity 30 %, bedrock 15 %", 0.3, 0.10, 0.15, true),
        new(DemoScenario, 1.0),
    ];

    /// <summary>
    /// A few scenarios for the fast test: the weakest intensity the target covers, the holdout, 24-day pairs,
    /// disturbed bedrock (the background from the quiet ground and the disturbed-pair count), the demo.
    /// </summary>
    public static IReadOnlyList<ScienceScenario> Fast { get; } =
    [
        new("intensity 30 %, bg 15 %, scrub", 0.3, 0.15, 0.02, true),
        new("holdout 30-70 %, bg 15 %, scrub", 0.3, 0.15, 0.02, true, ZoneShares: HoldoutShares),
        new("intensity 30 %, bg 10 %, 24-day", 0.3, 0.10, 0.02, true, RevisitDays: 24),
        new("intensity 30 %, bedrock 15 %", 0.3, 0.10, 0.15, true),
        new(DemoScenario, 1.0),
    ];
}
