using MineFunctions.Core.Composite;
using MineFunctions.Core.Simulation;

namespace MineFunctions.Core.Tests.Simulation;

/// <summary>
/// The science grid's fast scenarios (<see cref="ScienceGrid.Fast"/>) at 128 × 128 px, where the zones are
/// half as wide as in the benchmark's 256 px and the window's mixing at their edges costs more: the
/// thresholds sit below the benchmark targets (90 % at intensities 30–100 %, 97 % on the demo scene,
/// METHOD.md §3) so the test stays fast, and well above what the seed's fixed rule reaches on weak activity.
/// The weak-activity floor (87 %) sits about 2 points under the lowest the rule reads here (disturbed bedrock, 89 %;
/// the others 93–96 %, METHOD.md §3.4).
/// </summary>
public sealed class ScienceGridTests
{
    private static readonly Lazy<IReadOnlyList<(ScienceScenario Scenario, ScienceScore Default, ScienceScore Seed)>> Scores = new(() =>
        ScienceGrid.Fast.Select(s =>
        {
            var run = new ScienceRun(new SceneSimulator(s.ToSettings(128, 1)));
            return (s, run.Score(ClassifierSettings.Default), run.Score(ClassifierSettings.Seed));
        }).ToList());

    [Fact]
    public void TheDefaultRule_ClassifiesWeakAndStrongActivity()
    {
        foreach (var (scenario, score, _) in Scores.Value)
        {
            var floor = scenario.MinIntensity >= 1 ? 0.95 : 0.87;
            Assert.True(score.Accuracy >= floor, $"{scenario.Name}: {score.Accuracy:P1} < {floor:P0}");
            Assert.True(score.WorstAreaError <= 0.15, $"{scenario.Name}: area error {score.WorstAreaError:P1}");
        }
    }

    [Fact]
    public void TheSeedRule_MissesWeakActivity_ThatTheDefaultFinds()
    {
        var (_, adaptive, seed) = Scores.Value.Single(s => s.Scenario.Name == "intensity 30 %, bg 15 %, scrub");
        Assert.True(seed.Accuracy < 0.5, $"seed rule {seed.Accuracy:P1}");
        Assert.True(adaptive.Accuracy > seed.Accuracy + 0.3, $"default {adaptive.Accuracy:P1} vs seed {seed.Accuracy:P1}");
    }

    [Fact]
    public void NoWeatherPairIsAccepted_AndNoCleanPairRejectedAtRealisticDisturbance()
    {
        // Bedrock disturbed in 15 % of pairs is beyond the clean-pair target (ScienceScenario.Realistic): at
        // 128 px its few stable pixels reject some clean pairs.
        Assert.Contains(Scores.Value, s => s.Scenario.Realistic);
        foreach (var (scenario, score, _) in Scores.Value)
        {
            Assert.Equal(0, score.WeatherAccepted);
            Assert.True(score.WeatherPairs > 0);
            if (scenario.Realistic) Assert.Equal(0, score.CleanRejected);
        }
    }

    [Fact]
    public void UncertainPixels_AreReportedPerYear_AndFewerWhereActivityIsStrong()
    {
        var weak = Scores.Value.Single(s => s.Scenario.Name.StartsWith("intensity 30 %, bg 15", StringComparison.Ordinal)).Default;
        var strong = Scores.Value.Single(s => s.Scenario.MinIntensity >= 1).Default;
        Assert.All(weak.Years.Concat(strong.Years), y => Assert.NotNull(y.Uncertain));
        Assert.True(weak.Years.Sum(y => y.Uncertain!.Value) > strong.Years.Sum(y => y.Uncertain!.Value));
    }
}
