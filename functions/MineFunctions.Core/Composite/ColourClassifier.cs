using MineFunctions.Core.Contracts;

namespace MineFunctions.Core.Composite;

/// <summary>
/// RGB composite → eight colour classes and their counts inside the mine polygon by the seed's HSV
/// or per-channel rule (METHOD.md §1.5, seed Table 1). Pixels outside the polygon or without data get <see cref="Excluded"/> and are in
/// no count: they are not black.
/// </summary>
public static class ColourClassifier
{
    /// <summary>Class raster value of a pixel outside the polygon or without data.</summary>
    public const byte Excluded = 255;

    /// <param name="valid">Non-zero where the composite has data (from <see cref="CompositeBuilder.Build"/>).</param>
    /// <param name="polygon">Non-zero inside the mine polygon (rasterised elsewhere, e.g. by GDAL); empty = whole raster.</param>
    /// <param name="classes">Output: <see cref="ColourClass"/> value per pixel, or <see cref="Excluded"/>.</param>
    public static ClassCounts Classify(
        ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue,
        ReadOnlySpan<byte> valid, ReadOnlySpan<byte> polygon, ClassifierSettings settings, Span<byte> classes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var n = red.Length;
        if (green.Length != n || blue.Length != n || valid.Length != n || classes.Length != n || (!polygon.IsEmpty && polygon.Length != n))
            throw new ArgumentException("Composite, validity, polygon and class rasters must have the same number of pixels.");
        Span<long> counts = stackalloc long[8];
        for (var i = 0; i < n; i++)
        {
            if (valid[i] == 0 || (!polygon.IsEmpty && polygon[i] == 0))
            {
                classes[i] = Excluded;
                continue;
            }
            var c = ClassifyPixel(red[i], green[i], blue[i], settings);
            classes[i] = (byte)c;
            counts[(int)c]++;
        }
        return ClassCounts.FromArray(counts);
    }

    /// <summary>The class of one composite colour under the HSV or per-channel rule (the adaptive rule works on the annual means, <see cref="AdaptiveClassifier"/>).</summary>
    public static ColourClass ClassifyPixel(byte r, byte g, byte b, ClassifierSettings settings) => settings.Rule switch
    {
        ClassificationRule.Hsv => ByHsv(r, g, b, settings.ValueThreshold, settings.SaturationMin),
        ClassificationRule.ChannelThreshold => ByChannel(r, g, b, settings.ChannelThreshold),
        _ => throw new ArgumentException($"The {settings.Rule} rule does not classify composite colours; it decides on the annual means (AdaptiveClassifier).", nameof(settings)),
    };

    /// <summary>
    /// V = max, S = (max − min)/max (0 if max = 0); black if V &lt; T_v, else white if S &lt; S_min, else the
    /// 60° hue sector: Red [330,360)∪[0,30), Yellow [30,90), Green [90,150), Cyan [150,210), Blue [210,270), Magenta [270,330).
    /// </summary>
    internal static ColourClass ByHsv(byte r, byte g, byte b, double valueThreshold, double saturationMin)
    {
        int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        if (max / 255.0 < valueThreshold) return ColourClass.Black;
        var s = max == 0 ? 0.0 : (max - min) / (double)max;
        if (s < saturationMin) return ColourClass.White;
        double d = max - min, hue;
        if (max == r) hue = 60.0 * ((g - b) / d);
        else if (max == g) hue = 60.0 * ((b - r) / d + 2.0);
        else hue = 60.0 * ((r - g) / d + 4.0);
        if (hue < 0) hue += 360.0;
        return hue switch
        {
            >= 30 and < 90 => ColourClass.Yellow,
            >= 90 and < 150 => ColourClass.Green,
            >= 150 and < 210 => ColourClass.Cyan,
            >= 210 and < 270 => ColourClass.Blue,
            >= 270 and < 330 => ColourClass.Magenta,
            _ => ColourClass.Red,
        };
    }

    /// <summary>Each channel High when value/255 ≥ T; the three bits are the class (R = bit 0, G = bit 1, B = bit 2).</summary>
    internal static ColourClass ByChannel(byte r, byte g, byte b, double threshold)
    {
        var bits = (r / 255.0 >= threshold ? 1 : 0) | (g / 255.0 >= threshold ? 2 : 0) | (b / 255.0 >= threshold ? 4 : 0);
        return (ColourClass)bits;
    }
}
