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

    /// <summary>
    /// Activity intensity: the share of a year's clean pairs in which active mine ground is disturbed
    /// (decorrelated). 1 = worked through every pair; real benches and haul roads are worked some weeks
    /// and not others.
    /// </summary>
    public double ActiveShare { get; init; } = 1.0;

    /// <summary>Per-zone intensity (8 values in zone order, see <see cref="SceneSimulator.ZoneClasses"/>); null = <see cref="ActiveShare"/> everywhere.</summary>
    public IReadOnlyList<double>? ZoneActiveShares { get; init; }

    /// <summary>Share of a year's clean pairs in which inactive mine ground is disturbed anyway (background disturbance).</summary>
    public double BackgroundDisturbance { get; init; }

    /// <summary>Share of a year's clean pairs in which the bedrock around the mine is disturbed.</summary>
    public double BedrockDisturbance { get; init; }

    /// <summary>Ground is disturbed in square cells of this many pixels (a bench or stockpile, not single pixels).</summary>
    public int DisturbanceCell { get; init; } = 8;

    /// <summary>Seasonal vegetation: its coherence outside the wet season (null = <see cref="VegetationCoherence"/> all year).</summary>
    public double? VegetationDryCoherence { get; init; }

    /// <summary>Months (1–12) of the wet season, when vegetation has <see cref="VegetationCoherence"/>.</summary>
    public IReadOnlyList<int> WetSeasonMonths { get; init; } = [11, 12, 1, 2, 3];

    /// <summary>
    /// Correlation of neighbouring range samples' speckle (0 = independent; oversampled SLCs are
    /// correlated), which lowers the effective looks of the coherence window below X × Y.
    /// </summary>
    public double SpeckleCorrelation { get; init; }

    public void Validate()
    {
        if (Width < 32 || Height < 32) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "The scene needs at least 32 x 32 pixels.");
        if (Years is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "Years must be 1-20.");
        if (RevisitDays is < 1 or > 366) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "RevisitDays must be 1-366.");
        if (WeatherDatesPerYear is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "WeatherDatesPerYear must be 0-10.");
        foreach (var c in new[] { BedrockCoherenceMin, BedrockCoherenceMax, VegetationCoherence, InactiveMineCoherence, ActiveMineCoherence, WeatherFactor })
            if (!(c is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "Coherences and the weather factor must be in [0, 1].");
        foreach (var share in new[] { ActiveShare, BackgroundDisturbance, BedrockDisturbance }.Concat(ZoneActiveShares ?? []))
            if (!(share is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "Shares of pairs must be in [0, 1].");
        if (ZoneActiveShares is { Count: not 8 }) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "ZoneActiveShares needs one share per zone (8).");
        if (DisturbanceCell < 1) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "DisturbanceCell must be at least 1 pixel.");
        if (VegetationDryCoherence is { } dry && !(dry is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "VegetationDryCoherence must be in [0, 1].");
        if (WetSeasonMonths.Any(m => m is < 1 or > 12)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "WetSeasonMonths are 1-12.");
        if (!(SpeckleCorrelation is >= 0 and <= 0.5)) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "SpeckleCorrelation must be in [0, 0.5] (a one-step moving average).");
        if (BedrockCoherenceMin > BedrockCoherenceMax) throw new ArgumentOutOfRangeException(nameof(SceneSettings), this, "BedrockCoherenceMin > BedrockCoherenceMax.");
        Window.Validate();
    }
}
