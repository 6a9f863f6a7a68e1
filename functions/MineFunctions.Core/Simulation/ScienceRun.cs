using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Ndai;
using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Simulation;

/// <summary>
/// The whole Core chain on a simulated scene, in process (the steps of the workflow, METHOD.md
/// §1.2–1.5): coherence → stable pixels → pair screening → NDAI → annual means, pair counts and
/// disturbed-pair counts → classes of the first 3-year window, scored against the scene's truth. The NDAI
/// stack is built once and classified by every rule asked for, so rules compare on the same data.
/// </summary>
public sealed class ScienceRun
{
    private readonly float[][] _means;
    private readonly float[][] _pairCounts;
    private readonly float[][] _disturbed;
    private readonly YearBackground[] _backgrounds;
    private readonly PairDecision[] _decisions;

    public ScienceRun(SceneSimulator scene, StableThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (scene.Settings.Years < 3) throw new ArgumentException("Scoring needs a 3-year window.", nameof(scene));
        Scene = scene;
        thresholds ??= StableThresholds.Default;
        var n = scene.Pixels;

        // Pass 1: per-pixel time statistics; the coherence of each pair is kept for pass 2.
        var stack = new float[scene.Pairs.Count][];
        var stats = new PixelStatistics(n);
        foreach (var pair in scene.Pairs)
        {
            stack[pair.Index] = new float[n];
            scene.FillCoherence(pair.Index, stack[pair.Index]);
            stats.Add(stack[pair.Index]);
        }
        var stable = StableMask.FromStatistics(stats, thresholds);
        var stableBytes = new byte[n];
        for (var i = 0; i < n; i++) stableBytes[i] = stable[i] ? (byte)1 : (byte)0;
        StableCoherence = DisturbanceLevel.StableCoherence(stableBytes, MeansOf(stats)) ?? double.NaN;
        Level = double.IsNaN(StableCoherence) ? double.NaN : DisturbanceLevel.Of(StableCoherence, scene.Settings.Window.Looks);

        // Pass 2: screening, NDAI of accepted pairs into their year's mean.
        var years = scene.YearList.Take(3).ToArray();
        var annual = years.ToDictionary(y => y, _ => new AnnualMeanAccumulator(n, Level));
        _decisions = new PairDecision[scene.Pairs.Count];
        var ndai = new float[n];
        foreach (var pair in scene.Pairs)
        {
            var decision = _decisions[pair.Index] = PairScreening.Evaluate(stack[pair.Index], stable, thresholds);
            if (!decision.Accepted || !annual.TryGetValue(pair.Year, out var acc)) continue;
            NdaiCalculator.Compute(stack[pair.Index], decision.StableMean, ndai);
            acc.Add(ndai);
        }
        _means = years.Select(y => annual[y].Mean()).ToArray();
        _pairCounts = years.Select(y => annual[y].Counts.ToArray().Select(c => (float)c).ToArray()).ToArray();
        AcceptedPairs = years.Select(y => annual[y].PairsAdded).ToArray();
        _disturbed = years.Select(y => annual[y].Disturbed.ToArray().Select(c => (float)c).ToArray()).ToArray();
        _backgrounds = double.IsNaN(Level)
            ? []
            : Enumerable.Range(0, 3).Select(k => YearBackground.Estimate(_means[k], _pairCounts[k], stableBytes, StableCoherence, scene.Settings.Window.Looks)).ToArray();
    }

    private static float[] MeansOf(PixelStatistics stats)
    {
        var means = new float[stats.Pixels];
        stats.CopyMeans(means);
        return means;
    }

    public SceneSimulator Scene { get; }

    /// <summary>Median time-mean coherence of the stable pixels (NaN without any).</summary>
    public double StableCoherence { get; }

    public IReadOnlyList<int> AcceptedPairs { get; }

    public IReadOnlyList<YearBackground> Backgrounds => _backgrounds;

    /// <summary>Per-pair NDAI above which a pixel counts as disturbed (NaN without stable pixels).</summary>
    public double Level { get; }

    /// <summary>Classifies the window with <paramref name="settings"/> and scores it.</summary>
    public ScienceScore Score(ClassifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var weather = Scene.Pairs.Where(p => p.WeatherHit).ToList();
        var clean = Scene.Pairs.Where(p => !p.WeatherHit).ToList();
        var (weatherAccepted, cleanRejected) = (weather.Count(p => _decisions[p.Index].Accepted), clean.Count(p => !_decisions[p.Index].Accepted));
        if (AcceptedPairs.Any(a => a == 0) || (settings.Rule == ClassificationRule.Adaptive && double.IsNaN(Level)))
            return Unclassified(weather.Count, weatherAccepted, clean.Count, cleanRejected);

        var adaptive = double.IsNaN(Level) ? null : new AdaptiveInputs(_pairCounts, _disturbed, _backgrounds, Scene.Width, Scene.Settings.Window);
        var result = WindowClassification.Run(_means[0], _means[1], _means[2], Scene.MineMask, CompositeScaling.Default, settings, adaptive);
        var truth = Scene.TrueClass;
        long correct = 0;
        for (var i = 0; i < truth.Length; i++) if (truth[i] != 255 && result.Classes[i] == truth[i]) correct++;
        var (mine, trueActive) = Truth();
        var years = Enumerable.Range(0, 3).Select(y => new YearScore(
            Scene.Settings.FirstYear + y, AcceptedPairs[y], trueActive[y], result.Counts.ActivePixels(y), result.UncertainPixels?[y])).ToList();
        return new ScienceScore(mine, correct, years, result.Counts, weather.Count, weatherAccepted, clean.Count, cleanRejected);
    }

    /// <summary>A year without accepted pairs (or no stable ground) has no annual mean: nothing is classified, every pixel counts as wrong.</summary>
    private ScienceScore Unclassified(int weather, int weatherAccepted, int clean, int cleanRejected)
    {
        var (mine, trueActive) = Truth();
        var years = Enumerable.Range(0, 3).Select(y => new YearScore(Scene.Settings.FirstYear + y, AcceptedPairs[y], trueActive[y], 0, null)).ToList();
        return new ScienceScore(mine, 0, years, ClassCounts.FromArray(new long[8]), weather, weatherAccepted, clean, cleanRejected);
    }

    private (long Mine, long[] TrueActive) Truth()
    {
        long mine = 0;
        var active = new long[3];
        foreach (var t in Scene.TrueClass)
        {
            if (t == 255) continue;
            mine++;
            for (var y = 0; y < 3; y++) if (((ColourClass)t).IsActiveInYear(y)) active[y]++;
        }
        return (mine, active);
    }
}
