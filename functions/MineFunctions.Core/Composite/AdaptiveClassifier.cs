using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

/// <summary>Counts of an adaptive classification: the eight classes and, per year, the pixels whose decision is uncertain.</summary>
public sealed record AdaptiveCounts(ClassCounts Counts, IReadOnlyList<long> UncertainPixels);

/// <summary>
/// The adaptive rule over a window (METHOD.md §3): per pixel and year an <see cref="AdaptiveActivity"/>
/// decision; the class is the bit set of the three (bit 0 = year 1, METHOD.md §1.5 with its erratum), so
/// every class keeps its seed Table 1 meaning. Pixels outside the polygon or without data in a year are
/// <see cref="ColourClassifier.Excluded"/>, as for the other rules.
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
        Span<long> counts = stackalloc long[8];
        var uncertain = new long[3];
        Span<bool> unsure = stackalloc bool[3];
        for (var i = 0; i < n; i++)
        {
            if (!polygon.IsEmpty && polygon[i] == 0) { classes[i] = ColourClassifier.Excluded; continue; }
            var bits = 0;
            var missing = false;
            for (var y = 0; y < 3 && !missing; y++)
            {
                var pairs = inputs.PairCounts[y][i];
                if (float.IsNaN(years[y][i]) || !(pairs >= 1)) { missing = true; break; }
                var d = AdaptiveActivity.Decide(years[y][i], pairs, inputs.DisturbedCounts[y][i], inputs.Backgrounds[y], settings);
                if (d.Active) bits |= 1 << y;
                unsure[y] = d.Uncertain;
            }
            if (missing) { classes[i] = ColourClassifier.Excluded; continue; }
            classes[i] = (byte)bits;
            counts[bits]++;
            for (var y = 0; y < 3; y++) if (unsure[y]) uncertain[y]++;
        }
        return new AdaptiveCounts(ClassCounts.FromArray(counts), uncertain);
    }
}
