using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

/// <summary>Counts of an adaptive classification: the eight classes and, per year, the pixels whose decision is uncertain.</summary>
public sealed record AdaptiveCounts(ClassCounts Counts, IReadOnlyList<long> UncertainPixels);

/// <summary>
/// The adaptive rule over a window (METHOD.md §3.2). Per year: the background lowered to the quiet ground's
/// own level where that reads below it (<see cref="QuietGround"/>), an <see cref="AdaptiveActivity"/>
/// decision per pixel, then the <see cref="MajorityFilter"/> over the coherence window's footprint. The
/// class is the bit set of the three filtered decisions (bit 0 = year 1, METHOD.md §1.5 with its erratum), so
/// every class keeps its seed Table 1 meaning. Pixels outside the polygon or without data in a year are
/// <see cref="ColourClassifier.Excluded"/>, as for the other rules. Uncertain pixels are counted from the
/// per-pixel test (before smoothing), among the classified pixels: each could go either way on its own data.
/// </summary>
public static class AdaptiveClassifier
{
    public static AdaptiveCounts Classify(
        IReadOnlyList<float[]> years, AdaptiveInputs inputs, ReadOnlySpan<byte> polygon, ClassifierSettings settings, Span<byte> classes)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (years.Count != 3) throw new ArgumentException("A window has three years.", nameof(years));
        var n = years[0].Length;
        if (years.Any(y => y.Length != n) || classes.Length != n || (!polygon.IsEmpty && polygon.Length != n))
            throw new ArgumentException("Annual means, polygon and class rasters must have the same number of pixels.");
        inputs.Validate(n);

        // A pixel is classified when it is inside the polygon and has a mean and pairs in all three years.
        var classified = new bool[n];
        for (var i = 0; i < n; i++)
        {
            classified[i] = polygon.IsEmpty || polygon[i] != 0;
            for (var y = 0; y < 3 && classified[i]; y++) classified[i] = !float.IsNaN(years[y][i]) && inputs.PairCounts[y][i] >= 1;
        }

        var filtered = new bool[3][];
        var uncertain = new long[3];
        var raw = new bool[n];
        for (var y = 0; y < 3; y++)
        {
            var (mean, pairs, disturbed) = (years[y], inputs.PairCounts[y], inputs.DisturbedCounts[y]);
            var background = QuietGround.Apply(inputs.Backgrounds[y], QuietGround.Level(mean, pairs, disturbed, polygon, inputs.Backgrounds[y], settings));
            for (var i = 0; i < n; i++)
            {
                if (!classified[i]) { raw[i] = false; continue; }
                var d = AdaptiveActivity.Decide(mean[i], pairs[i], disturbed[i], background, settings);
                raw[i] = d.Active;
                if (d.Uncertain) uncertain[y]++;
            }
            filtered[y] = new bool[n];
            MajorityFilter.Apply(raw, classified, inputs.Width, inputs.Window, filtered[y]);
        }

        Span<long> counts = stackalloc long[8];
        for (var i = 0; i < n; i++)
        {
            if (!classified[i]) { classes[i] = ColourClassifier.Excluded; continue; }
            var bits = (filtered[0][i] ? 1 : 0) | (filtered[1][i] ? 2 : 0) | (filtered[2][i] ? 4 : 0);
            classes[i] = (byte)bits;
            counts[bits]++;
        }
        return new AdaptiveCounts(ClassCounts.FromArray(counts), uncertain);
    }
}
