namespace MineFunctions.Core.Composite;

/// <summary>
/// Three annual mean NDAI rasters (years 1, 2, 3) → R, G, B bytes (METHOD.md §1.5, seed Table 1 with
/// its erratum: first year red). A pixel is valid only when all three years have data: a missing
/// year would otherwise read as inactive (channel 0) and bias the class.
/// </summary>
public static class CompositeBuilder
{
    /// <param name="valid">1 where all three years have data, 0 otherwise (R, G, B are then 0 and must be ignored).</param>
    /// <returns>The number of valid pixels.</returns>
    public static long Build(
        ReadOnlySpan<float> year1, ReadOnlySpan<float> year2, ReadOnlySpan<float> year3, CompositeScaling scaling,
        Span<byte> red, Span<byte> green, Span<byte> blue, Span<byte> valid)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        scaling.Validate();
        var n = year1.Length;
        if (year2.Length != n || year3.Length != n || red.Length != n || green.Length != n || blue.Length != n || valid.Length != n)
            throw new ArgumentException("All composite rasters must have the same number of pixels.");
        long count = 0;
        for (var i = 0; i < n; i++)
        {
            float a = year1[i], b = year2[i], c = year3[i];
            if (float.IsNaN(a) || float.IsNaN(b) || float.IsNaN(c))
            {
                red[i] = green[i] = blue[i] = valid[i] = 0;
                continue;
            }
            red[i] = scaling.ToByte(a);
            green[i] = scaling.ToByte(b);
            blue[i] = scaling.ToByte(c);
            valid[i] = 1;
            count++;
        }
        return count;
    }
}
