using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Composite;

public sealed class WindowClassificationTests
{
    [Fact]
    public void ActiveYears_BecomeTheirColours_AndPixelsOutsideOrWithoutData_AreInNoCount()
    {
        const float active = 0.6f, stable = 0f;
        // Pixels: active in year 1 only (red), years 1+2 (yellow), all years (white), never (black),
        // outside the polygon, no data in year 2.
        float[] y1 = [active, active, active, stable, active, active];
        float[] y2 = [stable, active, active, stable, active, float.NaN];
        float[] y3 = [stable, stable, active, stable, active, active];
        byte[] polygon = [1, 1, 1, 1, 0, 1];

        var result = WindowClassification.Run(y1, y2, y3, polygon, CompositeScaling.Default, ClassifierSettings.Seed);

        Assert.Equal([(byte)ColourClass.Red, (byte)ColourClass.Yellow, (byte)ColourClass.White, (byte)ColourClass.Black,
            ColourClassifier.Excluded, ColourClassifier.Excluded], result.Classes);
        Assert.Equal(4, result.Counts.Total);
        Assert.Equal(1, result.Counts[ColourClass.Black]);
        Assert.Equal(3, result.Counts.ActivePixels(0));
    }
}
