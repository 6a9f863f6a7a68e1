using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

/// <summary>The products of one 3-year window: composite channels, class raster and counts.</summary>
public sealed record WindowClassificationResult(byte[] Red, byte[] Green, byte[] Blue, byte[] Classes, ClassCounts Counts);

/// <summary>
/// Three annual mean NDAI rasters → RGB composite → colour classes inside the polygon → counts
/// (METHOD.md §1.5), in one call, shared by the workflow's composite activity and `mine composite`.
/// </summary>
public static class WindowClassification
{
    public static WindowClassificationResult Run(
        ReadOnlySpan<float> year1, ReadOnlySpan<float> year2, ReadOnlySpan<float> year3,
        ReadOnlySpan<byte> polygon, CompositeScaling scaling, ClassifierSettings settings)
    {
        var n = year1.Length;
        byte[] red = new byte[n], green = new byte[n], blue = new byte[n], valid = new byte[n], classes = new byte[n];
        CompositeBuilder.Build(year1, year2, year3, scaling, red, green, blue, valid);
        var counts = ColourClassifier.Classify(red, green, blue, valid, polygon, settings, classes);
        return new WindowClassificationResult(red, green, blue, classes, counts);
    }
}
