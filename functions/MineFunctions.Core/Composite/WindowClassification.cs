using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

/// <summary>
/// The products of one 3-year window: composite channels, class raster and counts. For the adaptive rule
/// also, per year, the pixels whose decision is uncertain; null for the fixed rules.
/// </summary>
public sealed record WindowClassificationResult(
    byte[] Red, byte[] Green, byte[] Blue, byte[] Classes, ClassCounts Counts, IReadOnlyList<long>? UncertainPixels = null);

/// <summary>
/// Three annual mean NDAI rasters → RGB composite → colour classes inside the polygon → counts
/// (METHOD.md §1.5), in one call, shared by the workflow's composite activity and `mine composite`.
/// The composite is always the NDAI picture; its classes come from the rule in
/// <see cref="ClassifierSettings.Rule"/>: the seed's HSV or per-channel rule on the composite, or the
/// adaptive rule on each year's disturbed-pair shares (<paramref name="adaptive"/> then required).
/// </summary>
public static class WindowClassification
{
    public static WindowClassificationResult Run(
        ReadOnlySpan<float> year1, ReadOnlySpan<float> year2, ReadOnlySpan<float> year3,
        ReadOnlySpan<byte> polygon, CompositeScaling scaling, ClassifierSettings settings, AdaptiveInputs? adaptive = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var n = year1.Length;
        byte[] red = new byte[n], green = new byte[n], blue = new byte[n], valid = new byte[n], classes = new byte[n];
        CompositeBuilder.Build(year1, year2, year3, scaling, red, green, blue, valid);
        if (settings.Rule != ClassificationRule.Adaptive)
        {
            var counts = ColourClassifier.Classify(red, green, blue, valid, polygon, settings, classes);
            return new WindowClassificationResult(red, green, blue, classes, counts);
        }
        if (adaptive is null) throw new ArgumentException("The adaptive rule needs each year's pair and disturbed counts.", nameof(adaptive));
        var result = AdaptiveClassifier.Classify([year1.ToArray(), year2.ToArray(), year3.ToArray()], adaptive, polygon, settings, classes);
        return new WindowClassificationResult(red, green, blue, classes, result.Counts, result.UncertainPixels);
    }
}
