using System.Globalization;

namespace MineFunctions.Core.Pairs;

/// <summary>
/// What a HyP3 InSAR product (INSAR_GAMMA, INSAR_ISCE_BURST, INSAR_ISCE_MULTI_BURST) says about
/// itself in its parameter file <c>&lt;product&gt;.txt</c> ("Name: value" lines, Table 4 of the HyP3
/// InSAR product guide): <c>Baseline</c> (perpendicular, metres), <c>Range looks</c>,
/// <c>Azimuth looks</c>, <c>Resolution of output (m)</c>. The pixel spacing falls back on the
/// name's <c>INTzz</c> token (zz = pixel spacing in metres) when the file does not give it.
/// </summary>
/// <remarks>The same record carries a SNAP BEAM-DIMAP product's metadata (<see cref="DimapHeader.ProductInfo"/>),
/// <paramref name="Origin"/> naming its <c>.dim</c>.</remarks>
public sealed record Hyp3ProductInfo(string ProductName, int? RangeLooks, int? AzimuthLooks, double? PixelSpacingM, double? BaselineM, string? Origin = null)
{
    /// <summary>"20x4": range × azimuth looks, or null when the product does not say.</summary>
    public string? Looks => RangeLooks is { } r && AzimuthLooks is { } a ? string.Create(CultureInfo.InvariantCulture, $"{r}x{a}") : null;

    /// <summary>The baseline source recorded with a pair: the parameter file it came from.</summary>
    public string BaselineSource => Origin ?? $"{ProductName}.txt (HyP3 product)";

    /// <summary>Reads <paramref name="parameterText"/> (null when the product has no parameter file).</summary>
    public static Hyp3ProductInfo Parse(string productName, string? parameterText)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (parameterText ?? "").Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        double? Number(string key) => values.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        int? Whole(string key) => Number(key) is { } d && d == Math.Floor(d) && d is > 0 and < 10_000 ? (int)d : null;
        return new Hyp3ProductInfo(productName, Whole("Range looks"), Whole("Azimuth looks"), Number("Resolution of output (m)") ?? SpacingFromName(productName), Number("Baseline"));
    }

    private static double? SpacingFromName(string productName)
    {
        foreach (var token in productName.Split('_'))
        {
            if (token.Length > 3 && token.StartsWith("INT", StringComparison.Ordinal) && int.TryParse(token.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return m;
        }
        return null;
    }
}
