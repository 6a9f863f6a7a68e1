using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Simulation;

/// <summary>
/// Parameters of <see cref="SceneSimulator"/>. Coherences are true (population) coherences; the
/// estimator adds its Touzi bias on top. Defaults give a 256 × 256 scene, 3 years of 12-day pairs
/// (≈ 30 a year) and one rain/snow date a year.
/// </summary>
public sealed record SceneSettings
{
    public int Width { get; init; } = 256;
    public int Height { get; init; } = 256;
    public ulong Seed { get; init; } = 1;
    public int FirstYear { get; init; } = 2020;
    public int Years { get; init; } = 3;
    public int RevisitDays { get; init; } = 12;

    /// <summary>Acquisition dates per year hit by rain or snow; each decorrelates the two pairs that use it.</summary>
    public int WeatherDatesPerYear { get; init; } = 1;

    /// <summary>Bedrock true coherence is drawn per pixel in [min, max]: stable ground (METHOD.md §1.3).</summary>
    public double BedrockCoherenceMin { get; init; } = 0.92;
    public double BedrockCoherenceMax { get; init; } = 0.98;
    public double VegetationCoherence { get; init; } = 0.3;

    /// <summary>Mine ground in a year without activity: compacted benches and haul roads stay coherent.</summary>
    public double InactiveMineCoherence { get; init; } = 0.9;

    /// <summary>Mine ground being dug or dumped during the pair: fully decorrelated.</summary>
    public double ActiveMineCoherence { get; init; } = 0.05;

    /// <summary>Weather multiplies every pixel's true coherence by this factor.</summary>
    public double WeatherFactor { get; init; } = 0.3;

    public CoherenceWindow Window { get; init; } = CoherenceWindow.Default;

    public void Validate()
    {
        if (Width < 32 || Height < 32) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "The scene needs at least 32 x 32 pixels.");
        if (Years is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "Years must be 1-20.");
        if (RevisitDays is < 1 or > 366) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "RevisitDays must be 1-366.");
        if (WeatherDatesPerYear is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "WeatherDatesPerYear must be 0-10.");
        foreach (var c in new[] { BedrockCoherenceMin, BedrockCoherenceMax, VegetationCoherence, InactiveMineCoherence, ActiveMineCoherence, WeatherFactor })
            if (!(c is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "Coherences and the weather factor must be in [0, 1].");
        if (BedrockCoherenceMin > BedrockCoherenceMax) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "BedrockCoherenceMin > BedrockCoherenceMax.");
        Window.Validate();
    }
}
