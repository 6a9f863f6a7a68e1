using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Simulation;
using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Tests.Simulation;

/// <summary>
/// The whole Core chain on the simulator with default settings (≈ 30 pairs a year, 3 years, 7 × 2
/// window): coherence → stable pixels → pair screening → NDAI → annual means → composite → classes
/// (the seed's HSV rule step by step, the default rule through <see cref="ScienceRun"/>).
/// </summary>
public sealed class EndToEndTests
{
    private static readonly Lazy<Outcome> Run = new(Execute);

    [Fact]
    public void Simulator_DefaultScene_HasAbout30PairsAYearOver3Years_AndAllEightClasses()
    {
        var sim = Run.Value.Scene;
        Assert.Equal(3, sim.YearList.Count);
        foreach (var year in sim.YearList) Assert.InRange(sim.Pairs.Count(p => p.Year == year), 29, 32);
        var classes = sim.TrueClass.ToArray().Where(c => c != 255).Distinct().Count();
        Assert.Equal(8, classes);
        Assert.NotEmpty(sim.WeatherDates);
    }

    [Fact]
    public void EveryWeatherHitPair_IsRejected_AndNoCleanPairIs()
    {
        var outcome = Run.Value;
        foreach (var pair in outcome.Scene.Pairs)
        {
            var decision = outcome.Decisions[pair.Index];
            Assert.True(decision.Accepted != pair.WeatherHit, $"pair {pair.ReferenceDate}..{pair.SecondaryDate} weather={pair.WeatherHit}: {decision.Reason}");
        }
    }

    [Fact]
    public void TheDefaultRule_PutsAtLeast97PercentOfMinePixelsInTheirTrueClass()
    {
        // The same chain through ScienceRun with the default (adaptive) rule, on the same default scene.
        var score = new ScienceRun(Run.Value.Scene).Score(ClassifierSettings.Default);
        Assert.True(score.Accuracy >= 0.97, $"{score.Accuracy:P2} of the mine pixels in their true class");
        Assert.Equal(score.MinePixels, score.Counts.Total);
    }

    [Fact]
    public void AtLeast95PercentOfMinePixels_LandInTheirTrueClass_WithTheSeedRule()
    {
        var outcome = Run.Value;
        var truth = outcome.Scene.TrueClass;
        long mine = 0, right = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == 255) continue;
            mine++;
            if (outcome.Classes[i] == truth[i]) right++;
        }
        var fraction = (double)right / mine;
        Assert.True(fraction >= 0.95, $"{right} of {mine} mine pixels ({fraction:P2}) in their true class");
        Assert.Equal(mine, outcome.Counts.Total); // every mine pixel classified, nothing outside counted
    }

    private sealed record Outcome(SceneSimulator Scene, PairDecision[] Decisions, byte[] Classes, ClassCounts Counts);

    private static Outcome Execute()
    {
        var sim = new SceneSimulator();
        var n = sim.Pixels;
        var coherence = new float[n];

        // Pass 1: per-pixel time statistics, streamed pair by pair.
        var stats = new PixelStatistics(n);
        foreach (var pair in sim.Pairs)
        {
            sim.FillCoherence(pair.Index, coherence);
            stats.Add(coherence);
        }
        var stable = StableMask.FromStatistics(stats, StableThresholds.Default);

        // Pass 2: screen each pair, NDAI of accepted pairs into its year's mean.
        var annual = sim.YearList.ToDictionary(y => y, _ => new AnnualMeanAccumulator(n));
        var decisions = new PairDecision[sim.Pairs.Count];
        var ndai = new float[n];
        foreach (var pair in sim.Pairs)
        {
            sim.FillCoherence(pair.Index, coherence);
            var decision = decisions[pair.Index] = PairScreening.Evaluate(coherence, stable, StableThresholds.Default);
            if (!decision.Accepted) continue;
            NdaiCalculator.Compute(coherence, decision.StableMean, ndai);
            annual[pair.Year].Add(ndai);
        }

        var means = sim.YearList.Select(y => annual[y].Mean()).ToArray();
        byte[] r = new byte[n], g = new byte[n], b = new byte[n], valid = new byte[n], classes = new byte[n];
        CompositeBuilder.Build(means[0], means[1], means[2], CompositeScaling.Default, r, g, b, valid);
        var counts = ColourClassifier.Classify(r, g, b, valid, sim.MineMask, ClassifierSettings.Seed, classes);
        return new Outcome(sim, decisions, classes, counts);
    }
}
