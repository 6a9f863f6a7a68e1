using MineFunctions.Core.Composite;
using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Tests.Composite;

public sealed class ClassifierTests
{
    public static TheoryData<byte, byte, byte, ColourClass> PureColours => new()
    {
        { 255, 0, 0, ColourClass.Red }, { 0, 255, 0, ColourClass.Green }, { 0, 0, 255, ColourClass.Blue },
        { 0, 255, 255, ColourClass.Cyan }, { 255, 0, 255, ColourClass.Magenta }, { 255, 255, 0, ColourClass.Yellow },
        { 255, 255, 255, ColourClass.White }, { 0, 0, 0, ColourClass.Black },
    };

    [Theory]
    [MemberData(nameof(PureColours))]
    public void BothRules_ClassifyThePureColoursAsTable1(byte r, byte g, byte b, ColourClass expected)
    {
        Assert.Equal(expected, ColourClassifier.ClassifyPixel(r, g, b, ClassifierSettings.Seed));
        Assert.Equal(expected, ColourClassifier.ClassifyPixel(r, g, b, ClassifierSettings.Seed with { Rule = ClassificationRule.ChannelThreshold }));
    }

    [Theory]
    // Hue exactly on a boundary belongs to the sector it opens; one step below stays in the previous one.
    [InlineData(254, 127, 0, ColourClass.Yellow)]   // 30°
    [InlineData(254, 126, 0, ColourClass.Red)]      // 29.8°
    [InlineData(127, 254, 0, ColourClass.Green)]    // 90°
    [InlineData(128, 254, 0, ColourClass.Yellow)]   // 89.8°
    [InlineData(0, 254, 127, ColourClass.Cyan)]     // 150°
    [InlineData(0, 254, 126, ColourClass.Green)]    // 149.8°
    [InlineData(0, 127, 254, ColourClass.Blue)]     // 210°
    [InlineData(0, 128, 254, ColourClass.Cyan)]     // 209.8°
    [InlineData(127, 0, 254, ColourClass.Magenta)]  // 270°
    [InlineData(126, 0, 254, ColourClass.Blue)]     // 270.2° is magenta; 269.8° blue
    [InlineData(254, 0, 127, ColourClass.Red)]      // 330°
    [InlineData(254, 0, 128, ColourClass.Magenta)]  // 329.8°
    public void Hsv_HueSectorBoundaries_AreHalfOpenAsInMethod(byte r, byte g, byte b, ColourClass expected) =>
        Assert.Equal(expected, ColourClassifier.ClassifyPixel(r, g, b, ClassifierSettings.Seed));

    [Theory]
    [InlineData(127, 0, 0, ColourClass.Black)]  // V = 0.498 < 0.5
    [InlineData(128, 0, 0, ColourClass.Red)]    // V = 0.502
    [InlineData(200, 101, 101, ColourClass.White)] // S = 0.495 < 0.5
    [InlineData(200, 100, 100, ColourClass.Red)]   // S = 0.5
    public void Hsv_ValueAndSaturationThresholds(byte r, byte g, byte b, ColourClass expected) =>
        Assert.Equal(expected, ColourClassifier.ClassifyPixel(r, g, b, ClassifierSettings.Seed));

    [Fact]
    public void RulesDiffer_WhereMethodSaysTheyDo_ABrightNearGreyIsWhiteByHsvButRedByChannels()
    {
        var channel = ClassifierSettings.Seed with { Rule = ClassificationRule.ChannelThreshold };
        Assert.Equal(ColourClass.White, ColourClassifier.ClassifyPixel(200, 120, 120, ClassifierSettings.Seed));
        Assert.Equal(ColourClass.Red, ColourClassifier.ClassifyPixel(200, 120, 120, channel));
    }

    [Fact]
    public void MaskedAndNodataPixels_AreExcluded_AndNeverCountedAsBlack()
    {
        // Four black pixels: one valid inside, one outside the polygon, one nodata, one nodata outside.
        byte[] zero = [0, 0, 0, 0, 255];
        byte[] valid = [1, 1, 0, 0, 1];
        byte[] polygon = [1, 0, 1, 0, 1];
        var classes = new byte[5];
        var counts = ColourClassifier.Classify(zero, zero, zero, valid, polygon, ClassifierSettings.Seed, classes);

        Assert.Equal(1, counts[ColourClass.Black]);
        Assert.Equal(1, counts[ColourClass.White]);
        Assert.Equal(2, counts.Total);
        Assert.Equal([(byte)ColourClass.Black, ColourClassifier.Excluded, ColourClassifier.Excluded, ColourClassifier.Excluded, (byte)ColourClass.White], classes);
    }

    [Fact]
    public void CompositeBuilder_ScalesNdaiToBytes_FirstYearRed_AndMarksPixelsMissingAnyYearInvalid()
    {
        float[] y1 = [0f, 0.6f, 0.3f, -0.2f, 0.9f];
        float[] y2 = [0f, 0f, 0.3f, 0f, float.NaN];
        float[] y3 = [0f, 0f, 0.6f, 0f, 0f];
        byte[] r = new byte[5], g = new byte[5], b = new byte[5], valid = new byte[5];
        var n = CompositeBuilder.Build(y1, y2, y3, CompositeScaling.Default, r, g, b, valid);

        Assert.Equal(4, n);
        Assert.Equal([0, 255, 128, 0, 0], r);   // 0.3 → 127.5 → 128; −0.2 clamps to 0
        Assert.Equal([0, 0, 128, 0, 0], g);
        Assert.Equal([0, 0, 255, 0, 0], b);
        Assert.Equal([1, 1, 1, 1, 0], valid);
    }
}
